using System.Net;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// The collab.v1 services (and grpc.health.v1) as one caller, over a channel that may be shared by
/// many callers. <see cref="Connect"/> is the only place where the benchmark opens channels or
/// names a caller: each client carries a bearer token for its principal (<see cref="BenchIdentity"/>).
/// </summary>
internal sealed class ApiClient : IDisposable
{
    private const string AuthorizationHeader = "authorization";

    private readonly GrpcChannel? _ownedChannel;

    private ApiClient(GrpcChannel channel, Principal principal, bool ownsChannel)
    {
        Channel = channel;
        Principal = principal;
        _ownedChannel = ownsChannel ? channel : null;

        // One token per client, minted once: the Host checks it on every call.
        var headers = new Metadata { { AuthorizationHeader, "Bearer " + BenchIdentity.Token(principal) } };
        Invoker = channel.Intercept(metadata =>
        {
            foreach (var header in headers)
            {
                metadata.Add(header);
            }

            return metadata;
        });
        Partnerships = new PartnershipService.PartnershipServiceClient(Invoker);
        JointPrograms = new JointProgramService.JointProgramServiceClient(Invoker);
        Regions = new RegionService.RegionServiceClient(Invoker);
        Facilitation = new FacilitationService.FacilitationServiceClient(Invoker);
    }

    public GrpcChannel Channel { get; }

    public Principal Principal { get; }

    /// <summary>Calls carry the caller's identity; for hand-encoded methods such as the health check.</summary>
    public CallInvoker Invoker { get; }

    public PartnershipService.PartnershipServiceClient Partnerships { get; }

    public JointProgramService.JointProgramServiceClient JointPrograms { get; }

    public RegionService.RegionServiceClient Regions { get; }

    public FacilitationService.FacilitationServiceClient Facilitation { get; }

    /// <summary>
    /// A client calling as <paramref name="principal"/>: over <paramref name="shared"/> when given (its
    /// HTTP/2 connections are shared with other callers), otherwise over a channel of its own to
    /// <paramref name="address"/> that opens a further HTTP/2 connection whenever the server's
    /// stream limit per connection is reached.
    /// </summary>
    public static ApiClient Connect(Uri address, Principal principal, GrpcChannel? shared = null)
    {
        if (shared is not null)
        {
            return new ApiClient(shared, principal, ownsChannel: false);
        }

        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
                AutomaticDecompression = DecompressionMethods.None,
                UseProxy = false,
            },
            DisposeHttpClient = true,
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
        return new ApiClient(channel, principal, ownsChannel: true);
    }

    public void Dispose() => _ownedChannel?.Dispose();
}
