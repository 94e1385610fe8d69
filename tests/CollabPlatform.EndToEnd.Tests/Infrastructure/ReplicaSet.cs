using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Several real Host processes on one private PostgreSQL, forming one Orleans cluster through the
/// ADO.NET membership table, each with its own loopback ports. A replica can be killed, stopped
/// and started again on the same ports (as a restarted pod behind the same address would be).
/// </summary>
public sealed class ReplicaSet : IAsyncDisposable
{
    /// <summary>Orleans' <c>SiloStatus.Active</c> in the membership table.</summary>
    public const int Active = 3;

    /// <summary>Orleans' <c>SiloStatus.Dead</c> in the membership table.</summary>
    public const int Dead = 6;

    /// <summary>
    /// Membership timings for a test cluster on one machine: a silo that stops answering is
    /// suspected after two missed 2-second probes and declared dead by the votes of the others,
    /// in seconds instead of Orleans' production defaults.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FastMembership = new Dictionary<string, string>
    {
        ["Collab:Orleans:Membership:ProbeTimeout"] = "00:00:02",
        ["Collab:Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["Collab:Orleans:Membership:TableRefreshTimeout"] = "00:00:02",
    };

    /// <summary>How long a replica may take to start: long, since replicas start beside a running load on a small machine.</summary>
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(3);

    private readonly HostProcess?[] _hosts;
    private readonly Ports[] _ports;
    private readonly Dictionary<string, string> _settings;

    private ReplicaSet(string connectionString, string clusterId, int count)
    {
        ConnectionString = connectionString;
        ClusterId = clusterId;
        _hosts = new HostProcess?[count];
        _ports = [.. Enumerable.Range(0, count).Select(_ => new Ports(PortBelowEphemeralRange(), PortBelowEphemeralRange(), PortBelowEphemeralRange(), PortBelowEphemeralRange()))];
        _settings = new Dictionary<string, string>(FastMembership)
        {
            ["ConnectionStrings:Collab"] = connectionString,
            ["Collab:Orleans:ClusterId"] = clusterId,
            ["Collab:Api:ListenAddress"] = "127.0.0.1",
        };
        GrpcAddresses = [.. _ports.Select(p => new Uri($"http://127.0.0.1:{p.Grpc}"))];
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public int Count => _hosts.Length;

    /// <summary>The h2c gRPC endpoint of each replica, by index; it stays the same across restarts.</summary>
    public IReadOnlyList<Uri> GrpcAddresses { get; }

    /// <summary>The running process of replica <paramref name="index"/>.</summary>
    public HostProcess this[int index] => _hosts[index] ?? throw new InvalidOperationException($"replica {index} is not running");

    /// <summary>Starts <paramref name="count"/> replicas at once and waits until every one is ready.</summary>
    public static async Task<ReplicaSet> StartAsync(string connectionString, int count, string label)
    {
        var set = new ReplicaSet(connectionString, $"{label}-{Guid.NewGuid().ToString("N")[..8]}", count);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(set.StartReplicaAsync));
        }
        catch
        {
            await set.DisposeAsync();
            throw;
        }

        return set;
    }

    /// <summary>Starts replica <paramref name="index"/> (again) on its ports and waits for its ready line.</summary>
    public async Task StartReplicaAsync(int index)
    {
        if (_hosts[index] is { HasExited: false })
        {
            throw new InvalidOperationException($"replica {index} is still running");
        }

        var ports = _ports[index];
        var settings = new Dictionary<string, string>(_settings)
        {
            ["Collab:Api:GrpcPort"] = ports.Grpc.ToString(CultureInfo.InvariantCulture),
            ["Collab:Api:HttpPort"] = ports.Http.ToString(CultureInfo.InvariantCulture),
        };
        _hosts[index] = await HostProcess.StartAsync(settings, ports.Silo, ports.Gateway, ReadyWithin);
    }

    /// <summary>SIGKILL of replica <paramref name="index"/>: no shutdown code runs.</summary>
    public Task KillAsync(int index) => this[index].KillAsync();

    /// <summary>SIGTERM of replica <paramref name="index"/>; its exit code.</summary>
    public Task<int> StopAsync(int index, TimeSpan within) => this[index].StopAsync(within);

    /// <summary>The silo port of replica <paramref name="index"/>, which names its rows in the membership table.</summary>
    public int SiloPort(int index) => _ports[index].Silo;

    /// <summary>The status of every row of this cluster in the membership table, per silo port.</summary>
    public async Task<IReadOnlyList<(int Port, int Generation, int Status)>> MembershipAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT port, generation, status FROM orleans_membership WHERE deployment_id = $1 ORDER BY port, generation");
        command.Parameters.Add(new() { Value = ClusterId });
        var rows = new List<(int, int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return rows;
    }

    /// <summary>The last lines of every replica's output, for failure messages.</summary>
    public string Tails(int lines = 15) =>
        string.Join("\n", _hosts.Select((h, i) => $"--- replica {i}{(h is null ? " (none)" : h.HasExited ? " (exited)" : string.Empty)}:\n{(h is null ? string.Empty : ApiHostFixture.Tail(h.Output, lines))}"));

    /// <summary>The lines of every replica's output that contain one of <paramref name="needles"/> (e.g. correlation ids), with the line after each.</summary>
    public string LinesMentioning(IEnumerable<string> needles)
    {
        var wanted = needles.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var found = new List<string>();
        foreach (var (host, index) in _hosts.Select((h, i) => (h, i)).Where(p => p.h is not null))
        {
            var lines = host!.Output.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (wanted.Exists(w => lines[i].Contains(w, StringComparison.Ordinal)))
                {
                    found.Add($"r{index}: {Shorten(lines[i])}" + (i + 1 < lines.Length ? $"\n      {Shorten(lines[i + 1])}" : string.Empty));
                }
            }
        }

        return string.Join("\n", found);
    }

    public async ValueTask DisposeAsync()
    {

        await Task.WhenAll(_hosts.Where(h => h is not null).Select(h => h!.DisposeAsync().AsTask()));
    }

    /// <summary>
    /// A free loopback port between 20000 and 32000, below the range the kernel picks the local
    /// ports of outgoing connections from (32768 and up on Linux), from which port 0 would also pick.
    /// A replica's ports stay free from its start to its restart minutes later, beside a load that
    /// opens connections all the time.
    /// </summary>
    private static int PortBelowEphemeralRange()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            if (port == 30_000)
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException("no free loopback port between 20000 and 32000");
    }

    private static string Shorten(string line) => line.Length <= 400 ? line.TrimEnd() : line[..400] + " …";

    private sealed record Ports(int Silo, int Gateway, int Grpc, int Http);
}
