using CollabPlatform.Contracts.V1;
using CollabPlatform.Security.Tests.Infrastructure;
using Grpc.Net.Client;

namespace CollabPlatform.Security.Tests.Idempotency;

/// <summary>One Host, trusting the run's key, for the idempotency tests of a class.</summary>
public sealed class IdempotencyHostFixture : IAsyncLifetime
{
    private SecureHost? _host;
    private GrpcChannel? _channel;

    public PartnershipService.PartnershipServiceClient Partnerships { get; private set; } = null!;

    public RegionService.RegionServiceClient Regions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await SecureHost.StartAsync("sec-idempotency");
        _channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        Partnerships = new PartnershipService.PartnershipServiceClient(_channel);
        Regions = new RegionService.RegionServiceClient(_channel);
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
