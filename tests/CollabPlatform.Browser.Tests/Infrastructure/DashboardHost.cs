using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.Browser.Tests.Infrastructure;

/// <summary>
/// A real Host on a private PostgreSQL with the four stories loaded by <c>collab seed</c>, serving
/// the dashboard on its HTTP port, shared by the browser tests.
/// </summary>
public sealed class DashboardHost : IAsyncLifetime
{
    private PrivateDatabase? _database;
    private HostProcess? _host;

    /// <summary>The h2c gRPC endpoint.</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>The HTTP/1.1 endpoint of the JSON API and of the dashboard.</summary>
    public Uri HttpAddress { get; private set; } = null!;

    /// <summary>The partnership id of each seeded story, by the seed's name for it.</summary>
    public IReadOnlyDictionary<string, string> Stories { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _database = await PrivateDatabase.StartAsync("browser");
        var grpcPort = HostProcess.FreePort();
        var httpPort = HostProcess.FreePort();
        _host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Collab"] = _database.ConnectionString,
            ["Collab:Orleans:ClusterId"] = $"browser-{Guid.NewGuid().ToString("N")[..8]}",
            ["Collab:Api:ListenAddress"] = "127.0.0.1",
            ["Collab:Api:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Collab:Api:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            // A quiet feed says it is alive soon after the page connects.
            ["Collab:Feeds:HeartbeatInterval"] = "00:00:00.300",
        });
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        Stories = await SeedAsync(GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    internal BrowserApi Connect(string actor) => BrowserApi.Connect(GrpcAddress, actor);

    /// <summary>The Host's last output lines, for failure messages.</summary>
    public string HostTail() => string.Join('\n', (_host?.Output ?? string.Empty).Split('\n').TakeLast(30));

    // The demo data goes in the way a user loads it: the collab command, as its own process.
    private static async Task<IReadOnlyDictionary<string, string>> SeedAsync(Uri grpc)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { RepositoryPaths.CliAssembly(), "seed", "--address", grpc.ToString().TrimEnd('/'), "--key-file", EndToEnd.Tests.Infrastructure.TestSigningKey.KeyFile, "--output", "Json" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("collab seed did not finish within 120 s");
        }

        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"collab seed exited with {process.ExitCode}:\n{text}\n{await error}");
        }

        var json = text.Split('\n').Last(line => line.TrimStart().StartsWith('['));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().ToDictionary(
            story => story.GetProperty("story").GetString()!,
            story => story.GetProperty("partnershipId").GetString()!);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardHost>
{
    public const string Name = "dashboard";
}
