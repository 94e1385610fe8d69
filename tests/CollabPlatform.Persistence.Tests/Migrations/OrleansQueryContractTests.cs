using System.Data;
using Npgsql;

namespace CollabPlatform.Persistence.Tests.Migrations;

/// <summary>
/// The version (etag) rules the Orleans providers rely on, checked statement by statement, including the
/// refusals a healthy cluster rarely produces.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansQueryContractTests(PostgresFixture fixture)
{
    // The keys Orleans 10.4 reads from OrleansQuery (clustering, grain storage, reminders).
    private static readonly string[] ProviderKeys =
    [
        "CleanupDefunctSiloEntriesKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey",
        "DeleteReminderRowsKey", "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "UpsertReminderRowKey",
        "WriteToStorageKey",
    ];

    private static readonly DateTime Now = new(2025, 7, 22, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task OrleansQuery_AfterMigration_HoldsEveryKeyTheProvidersRead()
    {
        var connectionString = await fixture.CreateMigratedDatabaseAsync("keys");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        Assert.Equal(ProviderKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteToStorage_TwoFirstWritesOfOneGrain_SecondGetsNoVersion()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("firstwrite"));

        var first = await queries.ScalarAsync("WriteToStorageKey", Write("partnership:klaten-nanjing", version: null, payload: [1]));
        var second = await queries.ScalarAsync("WriteToStorageKey", Write("partnership:klaten-nanjing", version: null, payload: [2]));

        Assert.Equal(1, first);
        Assert.Null(second);
        Assert.Equal(new byte[] { 1 }, (byte[]?)(await ReadAsync(queries, "partnership:klaten-nanjing"))!["PayloadBinary"]);
    }

    [Fact]
    public async Task WriteToStorage_StaleVersion_GetsNoVersionAndKeepsTheNewerState()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("stale"));
        await queries.ScalarAsync("WriteToStorageKey", Write("region:ID-33.10", version: null, payload: [1]));
        var current = await queries.ScalarAsync("WriteToStorageKey", Write("region:ID-33.10", version: 1, payload: [2]));

        var stale = await queries.ScalarAsync("WriteToStorageKey", Write("region:ID-33.10", version: 1, payload: [3]));

        Assert.Equal(2, current);
        Assert.Null(stale);
        var row = await ReadAsync(queries, "region:ID-33.10");
        Assert.Equal(new byte[] { 2 }, (byte[]?)row!["PayloadBinary"]);
        Assert.Equal(2, row["Version"]);
    }

    [Fact]
    public async Task ClearStorage_CurrentVersion_DropsPayloadButKeepsCounting()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("clear"));
        await queries.ScalarAsync("WriteToStorageKey", Write("program:solo-xian-tourism", version: null, payload: [7]));

        var cleared = await queries.ScalarAsync("ClearStorageKey", Identity("program:solo-xian-tourism").Append(Version(1)).ToArray());
        var staleClear = await queries.RunAsync("ClearStorageKey", Identity("program:solo-xian-tourism").Append(Version(1)).ToArray());
        var nextWrite = await queries.ScalarAsync("WriteToStorageKey", Write("program:solo-xian-tourism", version: 2, payload: [8]));

        Assert.Equal(2, cleared);
        Assert.Empty(staleClear);
        Assert.Equal(3, nextWrite);
    }

    [Fact]
    public async Task DeleteStorage_CurrentVersion_RemovesRowAndReportsNextVersion()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("delete"));
        await queries.ScalarAsync("WriteToStorageKey", Write("partnership:purwakarta-gurye", version: null, payload: [5]));

        var deleted = await queries.ScalarAsync("DeleteStorageKey", Identity("partnership:purwakarta-gurye").Append(Version(1)).ToArray());

        Assert.Equal(2, deleted);
        Assert.Null(await ReadAsync(queries, "partnership:purwakarta-gurye"));
    }

    [Fact]
    public async Task InsertMembership_StaleVersionOrKnownSilo_ReturnsZeroAndLeavesTheVersion()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("insertsilo"));
        var created = await queries.ScalarAsync("InsertMembershipVersionKey", Deployment());
        var createdAgain = await queries.ScalarAsync("InsertMembershipVersionKey", Deployment());

        var inserted = await queries.ScalarAsync("InsertMembershipKey", Silo(port: 11111, tableVersion: 0));
        var staleVersion = await queries.ScalarAsync("InsertMembershipKey", Silo(port: 11112, tableVersion: 0));
        var sameSiloAgain = await queries.ScalarAsync("InsertMembershipKey", Silo(port: 11111, tableVersion: 1));

        Assert.Equal(1, created);
        Assert.Equal(0, createdAgain);
        Assert.Equal(1, inserted);
        Assert.Equal(0, staleVersion);
        Assert.Equal(0, sameSiloAgain);
        var table = await queries.RunAsync("MembershipReadAllKey", Deployment());
        var silo = Assert.Single(table);
        Assert.Equal(1, silo["Version"]);
        Assert.Equal(11111, silo["Port"]);
        Assert.Equal(Now, silo["StartTime"]);
    }

    [Fact]
    public async Task UpdateMembership_UnknownSiloOrStaleVersion_ReturnsZeroAndLeavesTheVersion()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("updatesilo"));
        await queries.ScalarAsync("InsertMembershipVersionKey", Deployment());
        await queries.ScalarAsync("InsertMembershipKey", Silo(port: 11111, tableVersion: 0));

        var unknownSilo = await queries.ScalarAsync("UpdateMembershipKey", StatusChange(port: 22222, status: 6, tableVersion: 1));
        var updated = await queries.ScalarAsync("UpdateMembershipKey", StatusChange(port: 11111, status: 6, tableVersion: 1));
        var stale = await queries.ScalarAsync("UpdateMembershipKey", StatusChange(port: 11111, status: 3, tableVersion: 1));

        Assert.Equal(0, unknownSilo);
        Assert.Equal(1, updated);
        Assert.Equal(0, stale);
        var silo = Assert.Single(await queries.RunAsync("MembershipReadRowKey", [.. Deployment(), .. SiloAddress(11111)]));
        Assert.Equal(6, silo["Status"]);
        Assert.Equal(2, silo["Version"]);
    }

    [Fact]
    public async Task MembershipReadRow_SiloNotRegistered_StillReturnsTheTableVersion()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("readrow"));
        await queries.ScalarAsync("InsertMembershipVersionKey", Deployment());

        var rows = await queries.RunAsync("MembershipReadRowKey", [.. Deployment(), .. SiloAddress(11111)]);

        var row = Assert.Single(rows);
        Assert.Equal(0, row["Version"]);
        Assert.Null(row["StartTime"]);
    }

    [Fact]
    public async Task DeleteReminderRow_StaleVersion_ReturnsZeroAndKeepsTheReminder()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("reminder"));
        var registered = await queries.ScalarAsync("UpsertReminderRowKey", Reminder(periodMilliseconds: 60_000));
        var reRegistered = await queries.ScalarAsync("UpsertReminderRowKey", Reminder(periodMilliseconds: 120_000));

        var staleDelete = await queries.ScalarAsync("DeleteReminderRowKey", ReminderKey(version: 0));
        var stored = Assert.Single(await queries.RunAsync("ReadReminderRowKey", ReminderKey(version: null)[..3]));
        var delete = await queries.ScalarAsync("DeleteReminderRowKey", ReminderKey(version: 1));

        Assert.Equal(0, registered);
        Assert.Equal(1, reRegistered);
        Assert.Equal(0, staleDelete);
        Assert.Equal(1, delete);
        Assert.Equal(120_000L, stored["Period"]);
        Assert.Empty(await queries.RunAsync("ReadReminderRowKey", ReminderKey(version: null)[..3]));
    }

    [Fact]
    public async Task ReadRangeRows_RangeWrappingAroundTheRing_ReturnsBothEnds()
    {
        var queries = new StoredQueryRunner(await fixture.CreateMigratedDatabaseAsync("ring"));
        foreach (var (grain, hash) in new[] { ("low", int.MinValue + 5), ("middle", 0), ("high", int.MaxValue - 5) })
        {
            await queries.ScalarAsync("UpsertReminderRowKey", Reminder(periodMilliseconds: 60_000, grainId: grain, grainHash: hash));
        }

        var wrapped = await queries.RunAsync("ReadRangeRows2Key", Ring(begin: 1_000, end: -1_000));
        var straight = await queries.RunAsync("ReadRangeRows1Key", Ring(begin: -1_000, end: 1_000));

        Assert.Equal(new[] { "high", "low" }, wrapped.Select(row => (string)row["GrainId"]!).Order(StringComparer.Ordinal));
        Assert.Equal("middle", Assert.Single(straight)["GrainId"]);
    }

    private static (string, object?, DbType)[] Identity(string stringKey) =>
    [
        ("GrainIdHash", stringKey.Length * 7919, DbType.Int32),
        ("GrainIdN0", 0L, DbType.Int64),
        ("GrainIdN1", 0L, DbType.Int64),
        ("GrainTypeHash", 1234, DbType.Int32),
        ("GrainTypeString", "CollabPlatform.Grains.TestGrain", DbType.String),
        ("GrainIdExtensionString", stringKey, DbType.String),
        ("ServiceId", "collab-tests", DbType.String),
    ];

    private static (string, object?, DbType) Version(int? version) => ("GrainStateVersion", version, DbType.Int32);

    private static (string, object?, DbType)[] Write(string stringKey, int? version, byte[] payload) =>
        [.. Identity(stringKey), Version(version), ("PayloadBinary", payload, DbType.Binary)];

    private static async Task<IReadOnlyDictionary<string, object?>?> ReadAsync(StoredQueryRunner queries, string stringKey) =>
        (await queries.RunAsync("ReadFromStorageKey", Identity(stringKey))).SingleOrDefault();

    private static (string, object?, DbType)[] Deployment() => [("DeploymentId", "cluster-a", DbType.String)];

    private static (string, object?, DbType)[] SiloAddress(int port) =>
        [("Address", "10.0.0.7", DbType.String), ("Port", port, DbType.Int32), ("Generation", 123_456, DbType.Int32)];

    private static (string, object?, DbType)[] Silo(int port, int tableVersion) =>
    [
        .. Deployment(), .. SiloAddress(port),
        ("SiloName", $"silo-{port}", DbType.String), ("HostName", "host-a", DbType.String), ("Status", 3, DbType.Int32),
        ("ProxyPort", port + 1000, DbType.Int32), ("StartTime", Now, DbType.DateTime), ("IAmAliveTime", Now, DbType.DateTime),
        ("Version", tableVersion, DbType.Int32),
    ];

    private static (string, object?, DbType)[] StatusChange(int port, int status, int tableVersion) =>
    [
        .. Deployment(), .. SiloAddress(port),
        ("Status", status, DbType.Int32), ("SuspectTimes", null, DbType.String), ("IAmAliveTime", Now, DbType.DateTime),
        ("Version", tableVersion, DbType.Int32),
    ];

    private static (string, object?, DbType)[] Reminder(int periodMilliseconds, string grainId = "partnership/klaten-nanjing", int grainHash = 42) =>
    [
        ("ServiceId", "collab-tests", DbType.String), ("GrainId", grainId, DbType.String), ("ReminderName", "expiry", DbType.String),
        ("StartTime", Now, DbType.DateTime), ("Period", periodMilliseconds, DbType.Int32), ("GrainHash", grainHash, DbType.Int32),
    ];

    private static (string, object?, DbType)[] ReminderKey(int? version) =>
    [
        ("ServiceId", "collab-tests", DbType.String), ("GrainId", "partnership/klaten-nanjing", DbType.String),
        ("ReminderName", "expiry", DbType.String), ("Version", version, DbType.Int32),
    ];

    private static (string, object?, DbType)[] Ring(int begin, int end) =>
        [("ServiceId", "collab-tests", DbType.String), ("BeginHash", begin, DbType.Int32), ("EndHash", end, DbType.Int32)];
}
