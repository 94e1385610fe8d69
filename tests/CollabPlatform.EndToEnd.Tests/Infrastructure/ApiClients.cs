using CollabPlatform.Cli.Client;
using Grpc.Net.Client;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The one place where the fault tests and their load open a gRPC client of a replica, and where
/// the caller's identity is attached: when calls need a bearer token, only this changes.
/// </summary>
internal static class ApiClients
{
    /// <summary>
    /// A client of its own channel to <paramref name="grpcAddress"/>, calling as <paramref name="actor"/>.
    /// After a failed connection the channel tries again within a second, as a client inside the
    /// cluster would, instead of backing off for up to two minutes (the gRPC default): a replica
    /// that restarts is back in the rotation as soon as it listens.
    /// </summary>
    public static CollabClient Connect(Uri grpcAddress, string actor, TimeSpan callTimeout) =>
        CollabClient.Connect(grpcAddress, TestIdentity.CredentialsOf(actor), callTimeout, new GrpcChannelOptions
        {
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(200),
            MaxReconnectBackoff = TimeSpan.FromSeconds(1),
        });
}
