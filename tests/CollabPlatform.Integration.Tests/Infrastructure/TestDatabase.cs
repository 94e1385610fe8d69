using CollabPlatform.Persistence.Embedded;
using CollabPlatform.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollabPlatform.Integration.Tests.Infrastructure;

/// <summary>A private PostgreSQL for one test assembly, started from the machine's binaries like the Host's default.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres _postgres;
    private readonly string _root;

    private TestDatabase(EmbeddedPostgres postgres, string root)
    {
        _postgres = postgres;
        _root = root;
    }

    public string ConnectionString => _postgres.ConnectionString;

    public static async Task<TestDatabase> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "collab-it-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = root }, NullLogger.Instance, CancellationToken.None);
        await DatabaseMigrator.MigrateAsync(postgres.ConnectionString, NullLogger.Instance, CancellationToken.None);
        return new TestDatabase(postgres, root);
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
            // A leftover temp folder is harmless; the test outcome must not depend on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
