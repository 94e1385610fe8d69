using System.Globalization;
using System.Net;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Security.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.Surfaces;

/// <summary>
/// With Prometheus on, the metrics (names of partnerships' stages, call rates, the runtime's state)
/// are served on the management port only, never on the ports the API is published on.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly int _managementPort = HostProcess.FreePort();
    private SecureHost? _host;

    public async Task InitializeAsync() => _host = await SecureHost.StartAsync("metrics", new Dictionary<string, string>
    {
        ["Collab:Telemetry:Prometheus"] = "true",
        ["Collab:Telemetry:ManagementPort"] = _managementPort.ToString(CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetMetrics_OnTheHttpPort_IsNotServed()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        using var response = await http.GetAsync(new Uri(_host!.HttpAddress, "/metrics"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode && body.Contains("# TYPE", StringComparison.Ordinal), $"the HTTP port served metrics ({(int)response.StatusCode})");
    }

    [Fact]
    public async Task GetMetrics_OnTheGrpcPort_IsNotServed()
    {
        // The gRPC port speaks HTTP/2 without TLS (prior knowledge).
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.GetAsync(new Uri(_host!.GrpcAddress, "/metrics"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode && body.Contains("# TYPE", StringComparison.Ordinal), $"the gRPC port served metrics ({(int)response.StatusCode})");
    }

    [Fact]
    public async Task GetMetrics_OnTheManagementPort_IsServedAndNothingElseIs()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var management = new Uri($"http://127.0.0.1:{_managementPort}");

        var metrics = await http.GetStringAsync(new Uri(management, "/metrics"));
        using var api = await http.GetAsync(new Uri(management, "/v1/regions/ID-33"));
        using var page = await http.GetAsync(new Uri(management, "/"));

        Assert.Contains("# TYPE", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
