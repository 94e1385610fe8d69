using System.Runtime.Versioning;
using CollabPlatform.Persistence.Embedded;
using CollabPlatform.Persistence.Migrations;
using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Embedded;

/// <summary>The embedded server's logins (superuser, migrator, runtime) and where a root host keeps a cluster its server user cannot reach.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class EmbeddedRolesTests(ITestOutputHelper output) : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _dataDirectory = TestDirectories.Create("roles");
    private readonly TestOutputLogger _logger = new(output);

    public void Dispose() => TestDirectories.Delete(_dataDirectory);

    [Fact]
    public async Task StartAsync_CreatesMigratorOwningTheDatabaseAndARuntimeLoginOfLeastPrivilege_WithPasswordsKeptAcrossStarts()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _dataDirectory };
        string runtimePassword;
        await using (var first = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None))
        {
            runtimePassword = new NpgsqlConnectionStringBuilder(first.RuntimeConnectionString).Password!;
            await DatabaseMigrator.MigrateAsync(first.MigratorConnectionString, _logger, CancellationToken.None);
        }

        await using var second = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);

        Assert.Equal(runtimePassword, new NpgsqlConnectionStringBuilder(second.RuntimeConnectionString).Password);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(_dataDirectory, "migrator-password")));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(_dataDirectory, "runtime-password")));
        Assert.Equal(EmbeddedPostgres.MigratorUserName, await ScalarAsync<string>(second.RuntimeConnectionString, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        Assert.Equal(
            [EmbeddedPostgres.MigratorUserName],
            await ListAsync(second.ConnectionString, "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"));
        Assert.Equal(
            "f f f t",
            await ScalarAsync<string>(second.RuntimeConnectionString, "SELECT concat_ws(' ', rolsuper, rolcreaterole, rolcreatedb, pg_has_role(current_user, 'collab_runtime', 'MEMBER')) FROM pg_roles WHERE rolname = current_user"));
    }

    [Fact]
    public async Task Migrate_GrantsTheRuntimeExactlyWhatItsStatementsNeed()
    {
        await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _dataDirectory }, _logger, CancellationToken.None);
        await DatabaseMigrator.MigrateAsync(server.MigratorConnectionString, _logger, CancellationToken.None);

        var granted = await ListAsync(
            server.RuntimeConnectionString,
            """
            SELECT c.relname || ':' || string_agg(p.privilege, ',' ORDER BY p.privilege)
            FROM pg_class c
            CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND has_table_privilege(c.oid, p.privilege)
            GROUP BY c.relname ORDER BY c.relname
            """);

        Assert.Equal(
            [
                "collab_audit:INSERT,SELECT",
                "collab_ledger:INSERT,SELECT",
                "collab_partnerships:INSERT,SELECT,UPDATE",
                "collab_programs:INSERT,SELECT,UPDATE",
                "collab_schema_migrations:SELECT",
                "orleans_grain_state:DELETE,INSERT,SELECT,UPDATE",
                "orleans_membership:DELETE,INSERT,SELECT,UPDATE",
                "orleans_membership_version:DELETE,INSERT,SELECT,UPDATE",
                "orleans_reminder:DELETE,INSERT,SELECT,UPDATE",
                "orleansquery:SELECT",
            ],
            granted);
    }

    [Fact]
    public async Task Migrate_AsTheRuntimeLogin_FindsACurrentSchemaCurrentButRefusesToApplyAMigration()
    {
        await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _dataDirectory }, _logger, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<SchemaMigrationException>(() => DatabaseMigrator.MigrateAsync(server.RuntimeConnectionString, _logger, CancellationToken.None));
        await DatabaseMigrator.MigrateAsync(server.MigratorConnectionString, _logger, CancellationToken.None);
        var current = await DatabaseMigrator.MigrateAsync(server.RuntimeConnectionString, _logger, CancellationToken.None);

        Assert.Contains("CollabMigrator", refused.Message, StringComparison.Ordinal);
        Assert.Empty(current);
    }

    [Fact]
    public async Task Ledger_TruncatedByItsOwner_IsRefusedByTheTrigger()
    {
        await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _dataDirectory }, _logger, CancellationToken.None);
        await DatabaseMigrator.MigrateAsync(server.MigratorConnectionString, _logger, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<object>(server.MigratorConnectionString, "TRUNCATE collab_ledger"));

        Assert.Contains("append-only (TRUNCATE refused)", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_DatabaseOfAnOlderStartOwnedByTheSuperuser_IsHandedToTheMigrator()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _dataDirectory };
        await using (var older = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None))
        {
            // What a start before the migrator existed left: everything made by the superuser.
            await ScalarAsync<object>(older.ConnectionString, "ALTER DATABASE collab OWNER TO collab");
            await DatabaseMigrator.MigrateAsync(older.ConnectionString, _logger, CancellationToken.None);
        }

        await using var server = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);
        var applied = await DatabaseMigrator.MigrateAsync(server.MigratorConnectionString, _logger, CancellationToken.None);

        Assert.Empty(applied);
        Assert.Equal(
            [EmbeddedPostgres.MigratorUserName],
            await ListAsync(server.ConnectionString, "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"));
        Assert.Equal(
            [EmbeddedPostgres.MigratorUserName],
            await ListAsync(server.ConnectionString, "SELECT DISTINCT pg_get_userbyid(proowner) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"));
    }

    [RunningAsRootFact]
    public async Task StartAsync_AsRootOnAFolderThePostgresUserCannotReach_KeepsTheClusterInAFolderOfItsOwnAndReusesIt()
    {
        var shared = TestDirectories.Create("shared-parent");
        var home = Directory.CreateTempSubdirectory("collab-private-home-");
        try
        {
            var data = Path.Combine(home.FullName, "clone", ".pgdata");
            var options = new EmbeddedPostgresOptions { DataDirectory = data, SharedDirectory = shared };
            string serverDirectory;
            await using (var first = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None))
            {
                serverDirectory = first.ServerDirectory;
                Assert.Equal(EmbeddedPostgresStartKind.Initialised, first.StartKind);
                await DatabaseMigrator.MigrateAsync(first.MigratorConnectionString, _logger, CancellationToken.None);
                await ScalarAsync<object>(first.MigratorConnectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('Klaten')");
            }

            await using var second = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);

            Assert.StartsWith(Path.Combine(shared, "clone-"), serverDirectory, StringComparison.Ordinal);
            Assert.Equal(serverDirectory, second.ServerDirectory);
            Assert.Equal(EmbeddedPostgresStartKind.Started, second.StartKind);
            Assert.Equal("Klaten", await ScalarAsync<string>(second.MigratorConnectionString, "SELECT note FROM kept"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(serverDirectory));
            Assert.False(Directory.Exists(Path.Combine(data, "pgdata")));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(data, "password")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(home.FullName));
            await second.StopAsync(CancellationToken.None);
        }
        finally
        {
            home.Delete(recursive: true);
            TestDirectories.Delete(shared);
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
