using CollabPlatform.Integration.Tests.Infrastructure;
using Grpc.Net.Client;

namespace CollabPlatform.Integration.Tests.Api;

/// <summary>
/// One database and one running Host for the API tests, apart from the grain tests' cluster so
/// that neither sees the other's silos. Tests use their own regions or ids, so order never matters.
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public ApiHost Host { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        Host = await ApiHost.StartAsync(ConnectionString, "api-it-" + Guid.NewGuid().ToString("N")[..8]);
        Channel = GrpcChannel.ForAddress(Host.GrpcAddress);
    }

    /// <summary>Stops the Host and starts a new one (new silo, new cluster id) on the same database.</summary>
    public async Task RestartHostAsync()
    {
        Channel.Dispose();
        await Host.DisposeAsync();
        Host = await ApiHost.StartAsync(ConnectionString, "api-it-" + Guid.NewGuid().ToString("N")[..8]);
        Channel = GrpcChannel.ForAddress(Host.GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
