using CollabPlatform.Contracts.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CollabPlatform.Cli.Client;

/// <summary>
/// The four CollabPlatform services over one channel, calling as one actor. Until tokens come, the
/// caller names itself in the <c>x-collab-actor</c> metadata header.
/// </summary>
internal sealed class CollabClient : IDisposable
{
    /// <summary>Metadata header that carries the caller's identity.</summary>
    public const string ActorHeader = "x-collab-actor";

    /// <summary>Actor of the command-line client when none is given.</summary>
    public const string DefaultActor = "cli";

    private readonly GrpcChannel? _ownedChannel;

    private CollabClient(GrpcChannel channel, string actor, TimeSpan callTimeout, bool ownsChannel)
    {
        Channel = channel;
        Actor = actor;
        CallTimeout = callTimeout;
        _ownedChannel = ownsChannel ? channel : null;
        var invoker = channel.Intercept(new DefaultDeadlineInterceptor(callTimeout)).Intercept(metadata =>
        {
            metadata.Add(ActorHeader, actor);
            return metadata;
        });
        Regions = new RegionService.RegionServiceClient(invoker);
        Partnerships = new PartnershipService.PartnershipServiceClient(invoker);
        JointPrograms = new JointProgramService.JointProgramServiceClient(invoker);
        Facilitation = new FacilitationService.FacilitationServiceClient(invoker);
    }

    public GrpcChannel Channel { get; }

    public string Actor { get; }

    /// <summary>Deadline of every call that sets none of its own.</summary>
    public TimeSpan CallTimeout { get; }

    public RegionService.RegionServiceClient Regions { get; }

    public PartnershipService.PartnershipServiceClient Partnerships { get; }

    public JointProgramService.JointProgramServiceClient JointPrograms { get; }

    public FacilitationService.FacilitationServiceClient Facilitation { get; }

    /// <summary>A client of its own channel to <paramref name="address"/> (h2c for <c>http://</c>).</summary>
    /// <param name="address">The server's gRPC endpoint.</param>
    /// <param name="actor">Who the calls are made as.</param>
    /// <param name="callTimeout">Deadline of every call that sets none of its own; 30 seconds when null.</param>
    /// <param name="channelOptions">Settings of the channel, e.g. how soon it reconnects to a restarted server.</param>
    public static CollabClient Connect(Uri address, string actor = DefaultActor, TimeSpan? callTimeout = null, GrpcChannelOptions? channelOptions = null) =>
        new(GrpcChannel.ForAddress(address, channelOptions ?? new GrpcChannelOptions()), actor, callTimeout ?? TimeSpan.FromSeconds(30), ownsChannel: true);

    /// <summary>A client over a channel the caller configured, owns and disposes.</summary>
    public static CollabClient Over(GrpcChannel channel, string actor = DefaultActor, TimeSpan? callTimeout = null) =>
        new(channel, actor, callTimeout ?? TimeSpan.FromSeconds(30), ownsChannel: false);

    /// <summary>The same channel, calling as another actor.</summary>
    public CollabClient As(string actor) => new(Channel, actor, CallTimeout, ownsChannel: false);

    public void Dispose() => _ownedChannel?.Dispose();
}
