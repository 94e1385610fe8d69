using System.Net.Http.Headers;
using CollabPlatform.Domain.Access;
using CollabPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
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

    /// <summary>The socket to the Host, calls without any token.</summary>
    public GrpcChannel RawChannel { get; private set; } = null!;

    /// <summary>Calls over <see cref="RawChannel"/> that carry the admin's token unless they bring their own (<see cref="ApiRequests.As"/>).</summary>
    public CallInvoker Channel { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        Host = await ApiHost.StartAsync(ConnectionString, "api-it-" + Guid.NewGuid().ToString("N")[..8]);
        Connect();
    }

    /// <summary>An HTTP/1.1 client of the JSON endpoint whose requests carry the token of <paramref name="principal"/> (the admin by default).</summary>
    public HttpClient CreateHttpClient(Principal? principal = null) => new()
    {
        BaseAddress = Host.HttpAddress,
        DefaultRequestVersion = System.Net.HttpVersion.Version11,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(principal ?? TestTokens.Admin)) },
    };

    /// <summary>Stops the Host and starts a new one (new silo, new cluster id) on the same database.</summary>
    public async Task RestartHostAsync()
    {
        RawChannel.Dispose();
        await Host.DisposeAsync();
        Host = await ApiHost.StartAsync(ConnectionString, "api-it-" + Guid.NewGuid().ToString("N")[..8]);
        Connect();
    }

    public async Task DisposeAsync()
    {
        RawChannel?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private void Connect()
    {
        RawChannel = GrpcChannel.ForAddress(Host.GrpcAddress);
        Channel = RawChannel.Intercept(metadata =>
        {
            if (metadata.Get("authorization") is null)
            {
                metadata.Add("authorization", "Bearer " + TestTokens.For(TestTokens.Admin));
            }

            return metadata;
        });
    }
}
