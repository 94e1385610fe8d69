using CollabPlatform.Persistence.Embedded;
using CollabPlatform.Persistence.Migrations;
using CollabPlatform.Persistence.Tests.Orleans;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CollabPlatform.Persistence.Tests;

/// <summary>
/// One embedded PostgreSQL server for the whole test assembly, in a temp folder deleted at the end.
/// Tests that need a pristine schema get a database of their own; the Orleans test cluster is shared
/// and started on first use.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = TestDirectories.Create("shared");
    private readonly Lazy<Task<SharedCluster>> _cluster;
    private EmbeddedPostgres? _server;

    public PostgresFixture() => _cluster = new Lazy<Task<SharedCluster>>(StartClusterAsync);

    public EmbeddedPostgres Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialised.");

    public async Task InitializeAsync() =>
        _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _dataDirectory }, NullLogger.Instance, CancellationToken.None);

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"t_{purpose}_{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 15)];
        await using (var connection = new NpgsqlConnection(Server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// An empty database owned by the embedded migrator login, as the embedded default creates it; returns the
    /// superuser's, the migrator's and the runtime login's connection strings to it.
    /// </summary>
    public async Task<DatabaseLogins> CreateMigratorOwnedDatabaseAsync(string purpose, bool migrate = true)
    {
        var superuser = await CreateDatabaseAsync(purpose);
        var name = new NpgsqlConnectionStringBuilder(superuser).Database!;
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync();
            await using var owner = new NpgsqlCommand($"ALTER DATABASE \"{name}\" OWNER TO {EmbeddedPostgres.MigratorUserName}", connection);
            await owner.ExecuteNonQueryAsync();
        }

        var logins = new DatabaseLogins(
            superuser,
            new NpgsqlConnectionStringBuilder(Server.MigratorConnectionString) { Database = name }.ConnectionString,
            new NpgsqlConnectionStringBuilder(Server.RuntimeConnectionString) { Database = name }.ConnectionString);
        if (migrate)
        {
            await DatabaseMigrator.MigrateAsync(logins.Migrator, NullLogger.Instance, CancellationToken.None);
        }

        return logins;
    }

    public async Task<string> CreateMigratedDatabaseAsync(string purpose)
    {
        var connectionString = await CreateDatabaseAsync(purpose);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);
        return connectionString;
    }

    /// <summary>The two-silo cluster on ADO.NET clustering, storage and reminders, on a freshly migrated database.</summary>
    public Task<SharedCluster> GetClusterAsync() => _cluster.Value;

    public async Task DisposeAsync()
    {
        try
        {
            if (_cluster.IsValueCreated && _cluster.Value.IsCompletedSuccessfully)
            {
                var shared = await _cluster.Value;
                await shared.Cluster.DisposeAsync();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (_server is not null)
            {
                await _server.StopAsync(CancellationToken.None);
            }

            TestDirectories.Delete(_dataDirectory);
        }
    }

    private async Task<SharedCluster> StartClusterAsync()
    {
        var connectionString = await CreateMigratedDatabaseAsync("orleans");
        var serviceId = $"svc-{Guid.NewGuid():N}"[..16];
        var cluster = await ProbeCluster.StartAsync(connectionString, serviceId, silos: 2);
        return new SharedCluster(cluster, connectionString);
    }
}
