using Npgsql;

namespace CollabPlatform.Persistence.Tests.Orleans;

/// <summary>
/// The proof that our schema is what Orleans 10.4's ADO.NET providers expect: a real two-silo cluster
/// clusters, stores grain state and runs reminders on it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansAdoNetProviderTests(PostgresFixture fixture)
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Membership_TwoSilosStarted_BothAreRegisteredAsActive()
    {
        var shared = await fixture.GetClusterAsync();

        var active = await ScalarAsync<long>(
            shared.ConnectionString,
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = 3 AND proxy_port > 0",
            shared.Cluster.Options.ClusterId);
        var tableVersion = await ScalarAsync<int>(
            shared.ConnectionString,
            "SELECT version FROM orleans_membership_version WHERE deployment_id = $1",
            shared.Cluster.Options.ClusterId);

        Assert.Equal(2, active);
        Assert.True(tableVersion >= 4, $"each silo registers and then becomes active, so the version moves at least 4 times; it is {tableVersion}");
    }

    [Fact]
    public async Task GrainState_WrittenThenGrainDeactivated_IsReadBackFromTheDatabase()
    {
        var shared = await fixture.GetClusterAsync();
        var key = $"probe:{Guid.NewGuid():N}";
        var grain = shared.Cluster.Client.GetGrain<IProbeGrain>(key);
        await grain.WriteAsync("Klaten - Nanjing County friendship exchange");
        var firstActivation = await grain.GetActivationIdAsync();

        await grain.DeactivateAsync();
        var text = await grain.ReadAsync();
        var secondActivation = await grain.GetActivationIdAsync();

        Assert.NotEqual(firstActivation, secondActivation);
        Assert.Equal("Klaten - Nanjing County friendship exchange", text);
        Assert.Equal(1, await ScalarAsync<int>(
            shared.ConnectionString,
            "SELECT version FROM orleans_grain_state WHERE grain_id_extension = $1 AND service_id = $2 AND payload IS NOT NULL",
            key,
            shared.Cluster.Options.ServiceId));
    }

    [Fact]
    public async Task GrainState_WrittenThenClusterRestarted_IsReadBack()
    {
        var connectionString = await fixture.CreateMigratedDatabaseAsync("restart");
        var serviceId = $"restart-{Guid.NewGuid():N}"[..20];
        const string Key = "probe:restart";
        await using (var before = await ProbeCluster.StartAsync(connectionString, serviceId, silos: 1))
        {
            await before.Client.GetGrain<IProbeGrain>(Key).WriteAsync("Surakarta - Zhuhai renewal 2021");
            await before.StopAllSilosAsync();
        }

        await using var after = await ProbeCluster.StartAsync(connectionString, serviceId, silos: 1);
        var text = await after.Client.GetGrain<IProbeGrain>(Key).ReadAsync();

        Assert.Equal("Surakarta - Zhuhai renewal 2021", text);
    }

    [Fact]
    public async Task Reminder_Registered_IsStoredAndFires()
    {
        var shared = await fixture.GetClusterAsync();
        var key = $"probe:{Guid.NewGuid():N}";
        var grain = shared.Cluster.Client.GetGrain<IProbeGrain>(key);
        var tick = ReminderSignals.WaitAsync(key, "expiry");

        await grain.StartReminderAsync("expiry", dueTime: TimeSpan.FromSeconds(1), period: TimeSpan.FromSeconds(1));
        var stored = await ScalarAsync<long>(
            shared.ConnectionString,
            "SELECT count(*) FROM orleans_reminder WHERE service_id = $1 AND grain_id LIKE '%' || $2 AND reminder_name = 'expiry'",
            shared.Cluster.Options.ServiceId,
            key);
        var fired = await Task.WhenAny(tick, Task.Delay(PhaseTimeout)) == tick;
        await grain.StopReminderAsync("expiry");

        Assert.Equal(1, stored);
        Assert.True(fired, $"reminder 'expiry' of {key} did not fire within {PhaseTimeout}");
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
