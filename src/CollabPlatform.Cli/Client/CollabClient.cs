using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CollabPlatform.Cli.Client;

/// <summary>
/// The CollabPlatform services over one channel, each call carrying the bearer token of the caller
/// the client acts as (<c>authorization: Bearer &lt;JWT&gt;</c>).
/// </summary>
internal sealed class CollabClient : IDisposable
{
    private readonly GrpcChannel? _ownedChannel;

    private CollabClient(GrpcChannel channel, ClientCredentials credentials, Principal? principal, TimeSpan callTimeout, bool ownsChannel)
    {
        Channel = channel;
        Credentials = credentials;
        Principal = principal;
        CallTimeout = callTimeout;
        _ownedChannel = ownsChannel ? channel : null;
        var invoker = channel.Intercept(new DefaultDeadlineInterceptor(callTimeout)).Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + credentials.TokenFor(principal));
            return metadata;
        });
        CallInvoker = invoker;
        Regions = new RegionService.RegionServiceClient(invoker);
        Partnerships = new PartnershipService.PartnershipServiceClient(invoker);
        JointPrograms = new JointProgramService.JointProgramServiceClient(invoker);
        Facilitation = new FacilitationService.FacilitationServiceClient(invoker);
        Audit = new AuditService.AuditServiceClient(invoker);
    }

    public GrpcChannel Channel { get; }

    public ClientCredentials Credentials { get; }

    /// <summary>Who the calls act as when the client mints its tokens; null for the client's own identity.</summary>
    public Principal? Principal { get; }

    /// <summary>Deadline of every call that sets none of its own.</summary>
    public TimeSpan CallTimeout { get; }

    /// <summary>Calls with the token and deadline, for services this class does not list (e.g. health).</summary>
    public CallInvoker CallInvoker { get; }

    public RegionService.RegionServiceClient Regions { get; }

    public PartnershipService.PartnershipServiceClient Partnerships { get; }

    public JointProgramService.JointProgramServiceClient JointPrograms { get; }

    public FacilitationService.FacilitationServiceClient Facilitation { get; }

    public AuditService.AuditServiceClient Audit { get; }

    /// <summary>A client of its own channel to <paramref name="address"/> (h2c for <c>http://</c>).</summary>
    /// <param name="address">The server's gRPC endpoint.</param>
    /// <param name="credentials">The tokens the calls carry.</param>
    /// <param name="callTimeout">Deadline of every call that sets none of its own; 30 seconds when null.</param>
    /// <param name="channelOptions">Settings of the channel, e.g. how soon it reconnects to a restarted server.</param>
    public static CollabClient Connect(Uri address, ClientCredentials credentials, TimeSpan? callTimeout = null, GrpcChannelOptions? channelOptions = null) =>
        new(GrpcChannel.ForAddress(address, channelOptions ?? new GrpcChannelOptions()), credentials, null, callTimeout ?? TimeSpan.FromSeconds(30), ownsChannel: true);

    /// <summary>A client over a channel the caller configured, owns and disposes.</summary>
    public static CollabClient Over(GrpcChannel channel, ClientCredentials credentials, TimeSpan? callTimeout = null) =>
        new(channel, credentials, null, callTimeout ?? TimeSpan.FromSeconds(30), ownsChannel: false);

    /// <summary>
    /// The same channel, calling as <paramref name="principal"/> when the client mints its tokens;
    /// with a given token every call carries that token, whoever it names.
    /// </summary>
    public CollabClient As(Principal principal) =>
        new(Channel, Credentials, Credentials.CanMint ? principal : Principal, CallTimeout, ownsChannel: false);

    public void Dispose() => _ownedChannel?.Dispose();
}
