using System.Globalization;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.Infrastructure;

/// <summary>
/// A real Host process on a private PostgreSQL with free loopback ports, as an attacker outside the
/// process meets it. Each test class that needs its own settings starts one of its own.
/// </summary>
public sealed class SecureHost : IAsyncDisposable
{
    private readonly PrivateDatabase _database;

    private SecureHost(PrivateDatabase database, HostProcess process, Uri grpc, Uri http, Uri management)
    {
        ManagementAddress = management;
        _database = database;
        Process = process;
        GrpcAddress = grpc;
        HttpAddress = http;
    }

    public HostProcess Process { get; }

    /// <summary>The h2c gRPC endpoint.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The HTTP/1.1 JSON endpoint.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The management listener, where <c>/metrics</c> is served when Prometheus is on.</summary>
    public Uri ManagementAddress { get; }

    /// <summary>The connection string the Host was given: the least-privileged runtime login, as on the embedded default.</summary>
    public string ConnectionString => _database.RuntimeConnectionString;

    /// <summary>The private server's superuser, for what happens behind the application's back.</summary>
    public string AdministratorConnectionString => _database.ConnectionString;

    /// <summary>Starts a private database and a Host on it, with <paramref name="settings"/> on top of the defaults.</summary>
    public static async Task<SecureHost> StartAsync(string label, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await PrivateDatabase.StartAsync(label);
        try
        {
            var grpcPort = HostProcess.FreePort();
            var httpPort = HostProcess.FreePort();
            var managementPort = HostProcess.FreePort();
            var all = new Dictionary<string, string>
            {
                ["ConnectionStrings:Collab"] = database.RuntimeConnectionString,
                ["Collab:Orleans:ClusterId"] = $"{label}-{Guid.NewGuid().ToString("N")[..8]}",
                ["Collab:Api:ListenAddress"] = "127.0.0.1",
                ["Collab:Api:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
                ["Collab:Api:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
                ["Collab:Telemetry:ManagementPort"] = managementPort.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            var process = await HostProcess.StartAsync(all);
            return new SecureHost(database, process, new Uri($"http://127.0.0.1:{grpcPort}"), new Uri($"http://127.0.0.1:{httpPort}"), new Uri($"http://127.0.0.1:{managementPort}"));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await _database.DisposeAsync();
    }
}
