using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>
/// One documented error of one rpc: who calls, with what (proto3 JSON with <see cref="ContractWorld"/>
/// placeholders), and the status and ErrorInfo reason the proto comment promises. <see cref="Before"/>,
/// when set, is an rpc and request accepted first under the same request id.
/// </summary>
public sealed record ContractCase(string Rpc, StatusCode Code, string? Reason, string Caller, string Request)
{
    /// <summary>An accepted call made first with the same <c>$rid</c>: (rpc, request).</summary>
    public (string Rpc, string Request)? Before { get; init; }

    /// <summary>Unique, readable name for the test explorer.</summary>
    public override string ToString() => $"{Rpc} {Code}{(Reason is null ? string.Empty : "/" + Reason)} as {CallerName} {Request}";

    private string CallerName => Callers.NameOf(Caller);
}
