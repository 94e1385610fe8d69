using System.Globalization;
using CollabPlatform.Persistence.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// A PostgreSQL of the benchmark's own, from the machine's binaries (the project's embedded server,
/// with the same durability settings as production), removed afterwards.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    /// <summary>
    /// Room for the Host's connection pool (up to 100) and the benchmark's own database-only load
    /// at once; PostgreSQL's default is 100. Every other setting is the embedded server's.
    /// </summary>
    public const int MaxConnections = 250;

    private readonly EmbeddedPostgres _postgres;
    private readonly string _root;

    private BenchDatabase(EmbeddedPostgres postgres, string root)
    {
        _postgres = postgres;
        _root = root;
    }

    public string ConnectionString => _postgres.ConnectionString;

    /// <summary>The server's process tree (postmaster and backends), for CPU and memory.</summary>
    public MonitoredProcess Process => new("postgres", PostmasterPid(_postgres.ServerDirectory), wholeTree: true);

    public static async Task<BenchDatabase> StartAsync(string purpose, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), $"collab-bench-{purpose}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(root);
        var options = new EmbeddedPostgresOptions { DataDirectory = root };
        var postgres = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, cancellationToken);
        await using (var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString))
        await using (var command = dataSource.CreateCommand($"ALTER SYSTEM SET max_connections = {MaxConnections}"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // max_connections takes effect at the next start only.
        await postgres.DisposeAsync();
        // Not migrated here: the Host under test applies its own migrations at start, so that a
        // build of other code (--host) runs on its own schema.
        postgres = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, cancellationToken);
        return new BenchDatabase(postgres, root);
    }

    /// <summary>The postmaster's pid, from the first line of <c>pgdata/postmaster.pid</c> in the server's folder (<see cref="EmbeddedPostgres.ServerDirectory"/>).</summary>
    public static int PostmasterPid(string serverDirectory)
    {
        var pidFile = Path.Combine(serverDirectory, "pgdata", "postmaster.pid");
        return int.Parse(File.ReadLines(pidFile).First().Trim(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync();
        TryDelete(_root);
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a benchmark run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
