using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>What an rpc answered, the same for both transports: status, ErrorInfo reason, whether a BadRequest came along, message.</summary>
public sealed record RpcOutcome(StatusCode Code, string? Reason, bool HasBadRequest, string Message)
{
    public override string ToString() => $"{Code} reason={Reason ?? "-"} badRequest={HasBadRequest}: {Message}";
}
