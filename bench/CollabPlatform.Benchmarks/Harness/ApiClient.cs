using System.Net;
using CollabPlatform.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// The collab.v1 services (and grpc.health.v1) as one caller, over a channel that may be shared by
/// many callers. <see cref="Connect"/> is the only place where the benchmark opens channels or
/// names a caller: today the <c>x-collab-actor</c> header, a bearer token once authentication comes.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    private const string ActorHeader = "x-collab-actor";

    private readonly GrpcChannel? _ownedChannel;

    private ApiClient(GrpcChannel channel, string actor, bool ownsChannel)
    {
        Channel = channel;
        Actor = actor;
        _ownedChannel = ownsChannel ? channel : null;
        var headers = new Metadata { { ActorHeader, actor } };
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

    public string Actor { get; }

    /// <summary>Calls carry the caller's identity; for hand-encoded methods such as the health check.</summary>
    public CallInvoker Invoker { get; }

    public PartnershipService.PartnershipServiceClient Partnerships { get; }

    public JointProgramService.JointProgramServiceClient JointPrograms { get; }

    public RegionService.RegionServiceClient Regions { get; }

    public FacilitationService.FacilitationServiceClient Facilitation { get; }

    /// <summary>
    /// A client calling as <paramref name="actor"/>: over <paramref name="shared"/> when given (its
    /// HTTP/2 connections are shared with other callers), otherwise over a channel of its own to
    /// <paramref name="address"/> that opens a further HTTP/2 connection whenever the server's
    /// stream limit per connection is reached.
    /// </summary>
    public static ApiClient Connect(Uri address, string actor, GrpcChannel? shared = null)
    {
        if (shared is not null)
        {
            return new ApiClient(shared, actor, ownsChannel: false);
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
        return new ApiClient(channel, actor, ownsChannel: true);
    }

    public void Dispose() => _ownedChannel?.Dispose();
}
