namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>The two ways a client reaches an rpc: gRPC (h2c) or JSON over HTTP/1.1 by its google.api.http rule.</summary>
public enum Transport
{
    Grpc,
    Json,
}
