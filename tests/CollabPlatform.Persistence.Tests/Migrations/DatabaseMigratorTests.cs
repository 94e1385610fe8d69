using CollabPlatform.Persistence.Migrations;
using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseMigratorTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] OrleansMigrations =
        ["0001_orleans_main", "0002_orleans_clustering", "0003_orleans_persistence", "0004_orleans_reminders"];

    private readonly TestOutputLogger _logger = new(output);

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryMigrationInVersionOrder()
    {
        var connectionString = await fixture.CreateDatabaseAsync("fresh");

        var applied = await DatabaseMigrator.MigrateAsync(connectionString, _logger, CancellationToken.None);

        Assert.Equal(OrleansMigrations, applied.Take(OrleansMigrations.Length));
        Assert.Equal(applied.Order(StringComparer.Ordinal), applied);
        Assert.Equal(applied, await RecordedMigrationsAsync(connectionString));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        var connectionString = await fixture.CreateDatabaseAsync("rerun");
        var first = await DatabaseMigrator.MigrateAsync(connectionString, _logger, CancellationToken.None);

        var second = await DatabaseMigrator.MigrateAsync(connectionString, _logger, CancellationToken.None);

        Assert.NotEmpty(first);
        Assert.Empty(second);
        Assert.Equal(first, await RecordedMigrationsAsync(connectionString));
    }

    [Fact]
    public async Task MigrateAsync_TwoConcurrentRunsOnFreshDatabase_ApplyEachMigrationOnce()
    {
        var connectionString = await fixture.CreateDatabaseAsync("concurrent");

        var runs = await Task.WhenAll(
            Task.Run(() => DatabaseMigrator.MigrateAsync(connectionString, _logger, CancellationToken.None)),
            Task.Run(() => DatabaseMigrator.MigrateAsync(connectionString, _logger, CancellationToken.None)));

        var appliedByEither = runs[0].Concat(runs[1]).ToList();
        Assert.Equal(appliedByEither.Count, appliedByEither.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(await RecordedMigrationsAsync(connectionString), appliedByEither.Order(StringComparer.Ordinal));
        Assert.Superset(OrleansMigrations.ToHashSet(StringComparer.Ordinal), appliedByEither.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MigrateAsync_AppliedMigrationChangedSince_ThrowsNamingTheFile()
    {
        var connectionString = await fixture.CreateDatabaseAsync("edited");
        await DatabaseMigrator.MigrateAsync(connectionString, _logger, CancellationToken.None);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var edit = new NpgsqlCommand("UPDATE collab_schema_migrations SET checksum = 'checksum-of-an-older-edit' WHERE version = 2", connection);
            await edit.ExecuteNonQueryAsync();
        }

        var exception = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => DatabaseMigrator.MigrateAsync(connectionString, _logger, CancellationToken.None));

        Assert.Contains("0002_orleans_clustering.sql", exception.Message, StringComparison.Ordinal);
        Assert.Contains("new migration", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> RecordedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT name FROM collab_schema_migrations ORDER BY version", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
