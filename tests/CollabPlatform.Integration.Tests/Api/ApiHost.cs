using System.Net;
using System.Net.Sockets;
using CollabPlatform.Api.Configuration;
using CollabPlatform.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CollabPlatform.Integration.Tests.Api;

/// <summary>
/// The real Host, built by <see cref="CollabHost.BuildAsync"/> and started in this process: silo,
/// gRPC API on free loopback ports, on a given database. Its cluster id is its own, so it never
/// joins another test's cluster.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, ApiEndpoints endpoints)
    {
        _app = app;
        GrpcAddress = endpoints.GrpcAddress ?? throw new InvalidOperationException("the Host bound no gRPC endpoint");
        HttpAddress = endpoints.HttpAddress ?? throw new InvalidOperationException("the Host bound no HTTP endpoint");
    }

    /// <summary>gRPC over h2c, e.g. http://127.0.0.1:41234.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>JSON over HTTP/1.1, e.g. http://127.0.0.1:41235.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The Host's services (its silo's grain factory, telemetry providers).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a Host that joins the cluster <paramref name="clusterId"/> on the given database.</summary>
    /// <param name="connectionString">The database.</param>
    /// <param name="clusterId">Hosts started with the same id form one cluster.</param>
    /// <param name="settings">Settings on top of the test defaults.</param>
    /// <param name="configure">Passed on to <see cref="CollabHost.BuildAsync"/>.</param>
    public static async Task<ApiHost> StartAsync(
        string connectionString,
        string clusterId,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Collab"] = connectionString,
            ["Collab:Orleans:ClusterId"] = clusterId,
            ["Collab:Orleans:ServiceId"] = "collab-api-it",
            ["Collab:Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Collab:Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Collab:Api:GrpcPort"] = "0",
            ["Collab:Api:HttpPort"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        };
        // Every Host of these tests trusts the run's signing key (TestTokens); the test's own settings come last.
        foreach (var (key, value) in TestTokens.HostSettings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            overrides[key] = value;
        }

        var app = await CollabHost.BuildAsync([], overrides, configure);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await app.StartAsync(timeout.Token);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ApiHost(app, app.Services.GetRequiredService<ApiEndpoints>());
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
