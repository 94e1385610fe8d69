using System.Globalization;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Net.Client;
using Npgsql;

namespace CollabPlatform.Security.Tests.Database;

/// <summary>
/// A Host on a configured server with two logins: it migrates as <c>ConnectionStrings:CollabMigrator</c> and
/// runs as <c>ConnectionStrings:Collab</c>; given only the runtime login, it refuses to migrate and says why.
/// </summary>
public sealed class MigratorConnectionTests
{
    [Fact]
    public async Task Host_WithRuntimeAndMigratorLogins_MigratesAsTheMigratorAndServesAsTheRuntime()
    {
        await using var database = await PrivateDatabase.StartAsync("two-logins");
        var (runtime, migrator) = await CreateDatabaseAsync(database, "fresh_two_logins");

        var settings = Settings(runtime, migrator);
        await using var host = await HostProcess.StartAsync(settings);

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{settings["Collab:Api:GrpcPort"]}");
        Assert.Equal(HealthProbe.Serving, await HealthProbe.CheckAsync(channel.CreateCallInvoker(), string.Empty, TimeSpan.FromSeconds(10)));
        await using var connection = new NpgsqlConnection(runtime);
        await connection.OpenAsync();
        await using var owners = new NpgsqlCommand(
            "SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ',') FROM pg_class WHERE relname IN ('collab_ledger', 'collab_audit', 'collab_schema_migrations')",
            connection);
        Assert.Equal("collab_migrator", await owners.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Host_WithOnlyTheRuntimeLoginOnAnEmptyDatabase_StopsNamingTheMigratorsConnectionString()
    {
        await using var database = await PrivateDatabase.StartAsync("runtime-only");
        var (runtime, _) = await CreateDatabaseAsync(database, "fresh_runtime_only");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(Settings(runtime, migrator: null)));

        Assert.Contains("ConnectionStrings:CollabMigrator", refused.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(string runtime, string? migrator)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Collab"] = runtime,
            ["Collab:Orleans:ClusterId"] = "two-logins-" + Guid.NewGuid().ToString("N")[..8],
            ["Collab:Api:ListenAddress"] = "127.0.0.1",
            ["Collab:Api:GrpcPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Collab:Api:HttpPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        };
        if (migrator is not null)
        {
            settings["ConnectionStrings:CollabMigrator"] = migrator;
        }

        return settings;
    }

    /// <summary>An empty database owned by the migrator, as an administrator prepares it; the runtime's and the migrator's connection strings to it.</summary>
    private static async Task<(string Runtime, string Migrator)> CreateDatabaseAsync(PrivateDatabase database, string name)
    {
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} OWNER collab_migrator", connection);
            await create.ExecuteNonQueryAsync();
        }

        return (
            new NpgsqlConnectionStringBuilder(database.RuntimeConnectionString) { Database = name }.ConnectionString,
            new NpgsqlConnectionStringBuilder(database.MigratorConnectionString) { Database = name }.ConnectionString);
    }
}
