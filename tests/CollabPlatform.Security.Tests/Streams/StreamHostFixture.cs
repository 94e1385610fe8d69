using CollabPlatform.Contracts.V1;
using CollabPlatform.Security.Tests.Infrastructure;
using Grpc.Net.Client;

namespace CollabPlatform.Security.Tests.Streams;

/// <summary>
/// One Host whose feeds are quiet for a minute between heartbeats and whose streams live at most
/// <see cref="MaxLifetime"/>, so that each way a stream ends shows within seconds.
/// </summary>
public sealed class StreamHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(8);

    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMinutes(1);

    private SecureHost? _host;
    private GrpcChannel? _channel;

    public FacilitationService.FacilitationServiceClient Facilitation { get; private set; } = null!;

    public PartnershipService.PartnershipServiceClient Partnerships { get; private set; } = null!;

    public Uri GrpcAddress => _host!.GrpcAddress;

    public async Task InitializeAsync()
    {
        _host = await SecureHost.StartAsync("sec-streams", new Dictionary<string, string>
        {
            ["Collab:Api:MaxStreamLifetime"] = MaxLifetime.ToString(),
            ["Collab:Feeds:HeartbeatInterval"] = HeartbeatInterval.ToString(),
        });
        _channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        Facilitation = new FacilitationService.FacilitationServiceClient(_channel);
        Partnerships = new PartnershipService.PartnershipServiceClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
