using Grpc.Core;

namespace CollabPlatform.Security.Tests.Amplification;

/// <summary>The status a raw gRPC call ended with: its code (-1 if none came), message and google.rpc.Status detail.</summary>
public sealed record RawStatus(int Code, string Message, Google.Rpc.Status? Details)
{
    public StatusCode StatusCode => (StatusCode)Code;

    public override string ToString() => $"{(Code < 0 ? "no grpc-status" : StatusCode.ToString())} \"{Message}\"";
}
