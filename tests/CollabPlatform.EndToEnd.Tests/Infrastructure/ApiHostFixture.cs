using CollabPlatform.Cli.Client;
using Npgsql;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One real Host process for the API tests of this assembly, on loopback ports of its own and a
/// private PostgreSQL, called over a socket by a gRPC channel (h2c).
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    private PrivateDatabase? _database;
    private CollabClient? _client;

    public HostProcess Host { get; private set; } = null!;

    /// <summary>The h2c gRPC endpoint, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>The HTTP/1.1 JSON (transcoding) endpoint.</summary>
    public Uri HttpAddress { get; private set; } = null!;

    /// <summary>Calls as the admin <c>cli</c>; use <see cref="CollabClient.As"/> for a region's official.</summary>
    internal CollabClient Client => _client ?? throw new InvalidOperationException("the fixture is not initialised");

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("the fixture is not initialised");

    public async Task InitializeAsync()
    {
        _database = await PrivateDatabase.StartAsync("api");
        (Host, GrpcAddress, HttpAddress) = await StartHostAsync(_database.ConnectionString, "e2e-api");
        _client = CollabClient.Connect(GrpcAddress, TestIdentity.Credentials, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts a Host on <paramref name="connectionString"/> with free loopback ports, in a cluster of
    /// its own unless <paramref name="clusterId"/> names one to join, with <paramref name="settings"/> on top.
    /// </summary>
    public static async Task<(HostProcess Host, Uri Grpc, Uri Http)> StartHostAsync(
        string connectionString,
        string label,
        IReadOnlyDictionary<string, string>? settings = null,
        string? clusterId = null)
    {
        var grpcPort = HostProcess.FreePort();
        var httpPort = HostProcess.FreePort();
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:Collab"] = connectionString,
            ["Collab:Orleans:ClusterId"] = clusterId ?? $"{label}-{Guid.NewGuid().ToString("N")[..8]}",
            ["Collab:Api:ListenAddress"] = "127.0.0.1",
            ["Collab:Api:GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Collab:Api:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var host = await HostProcess.StartAsync(all);
        return (host, new Uri($"http://127.0.0.1:{grpcPort}"), new Uri($"http://127.0.0.1:{httpPort}"));
    }

    /// <summary>A second, empty and migrated database on the same server, for a Host that must not share state.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var dataSource = NpgsqlDataSource.Create(ConnectionString))
        await using (var command = dataSource.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        await Persistence.Migrations.DatabaseMigrator.MigrateAsync(connectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        return connectionString;
    }

    /// <summary>The Host's overall health over gRPC, and that its process still runs.</summary>
    public async Task AssertHealthyAsync(string phase)
    {
        Assert.False(Host.HasExited, $"{phase}: the Host process exited:\n{Tail(Host.Output)}");
        var status = await HealthProbe.CheckAsync(Client.CallInvoker, string.Empty, TimeSpan.FromSeconds(10));
        Assert.True(status == HealthProbe.Serving, $"{phase}: grpc.health.v1 Check answered {status}, not SERVING (1)");
    }

    /// <summary>The last lines of the Host's output, for failure messages.</summary>
    public static string Tail(string output, int lines = 40) =>
        string.Join('\n', output.Split('\n').TakeLast(lines));
}
