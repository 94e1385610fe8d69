using CollabPlatform.Persistence.Embedded;
using CollabPlatform.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>A PostgreSQL of the test's own, from the machine's binaries, migrated and removed afterwards.</summary>
public sealed class PrivateDatabase : IAsyncDisposable
{
    private readonly string _root;
    private EmbeddedPostgres _postgres;

    private PrivateDatabase(EmbeddedPostgres postgres, string root)
    {
        _postgres = postgres;
        _root = root;
    }

    /// <summary>The server's superuser: for fixtures and checks that need more than the Host may do.</summary>
    public string ConnectionString => _postgres.ConnectionString;

    /// <summary>The least-privileged login a Host on the embedded default connects with.</summary>
    public string RuntimeConnectionString => _postgres.RuntimeConnectionString;

    /// <summary>The login that owns the schema and runs the migrations.</summary>
    public string MigratorConnectionString => _postgres.MigratorConnectionString;

    public static async Task<PrivateDatabase> StartAsync(string purpose)
    {
        var root = Path.Combine(Path.GetTempPath(), $"collab-{purpose}-{Guid.NewGuid().ToString("N")[..10]}");
        Directory.CreateDirectory(root);
        var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = root }, NullLogger.Instance, CancellationToken.None);
        await DatabaseMigrator.MigrateAsync(postgres.MigratorConnectionString, NullLogger.Instance, CancellationToken.None);
        return new PrivateDatabase(postgres, root);
    }

    /// <summary>Stops the server as an operator would (fast shutdown: open sessions are ended); <see cref="StartAgainAsync"/> brings it back.</summary>
    public Task StopServerAsync() => _postgres.StopAsync(CancellationToken.None);

    /// <summary>Starts the stopped server again on the same folder and port, so the connection string stays valid.</summary>
    public async Task StartAgainAsync()
    {
        var port = _postgres.Port;
        _postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _root, Port = port }, NullLogger.Instance, CancellationToken.None);
        if (_postgres.Port != port)
        {
            throw new InvalidOperationException($"PostgreSQL came back on port {_postgres.Port}, not {port}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not decide a test's outcome.
        }
    }
}
