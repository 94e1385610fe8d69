using CollabPlatform.Contracts.V1;
using CollabPlatform.Security.Tests.Infrastructure;
using Grpc.Net.Client;

namespace CollabPlatform.Security.Tests.Tokens;

/// <summary>One Host, trusting the run's key, for the token tests of a class.</summary>
public sealed class TokenHostFixture : IAsyncLifetime
{
    private SecureHost? _host;
    private GrpcChannel? _channel;

    public FacilitationService.FacilitationServiceClient Facilitation { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await SecureHost.StartAsync("sec-tokens");
        _channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        Facilitation = new FacilitationService.FacilitationServiceClient(_channel);
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
