using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CollabPlatform.Persistence.Tests.Audit;

/// <summary>The audit log's hash chains (migration 0011): linked on insert, backfilled for old rows, recomputed by the verifier.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditChainTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset OccurredAt = new(2025, 7, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Append_AsTheRuntimeLogin_LinksEachStreamsRecordsInOrderAndTheVerifierAgrees()
    {
        var logins = await fixture.CreateMigratorOwnedDatabaseAsync("chainlinks");
        await using var dataSource = NpgsqlDataSource.Create(logins.Runtime);
        var log = new AuditLog(dataSource);

        await log.AppendAsync([Entry("region:ID-33.10", 0, "Klaten – Nanjing, ä ö 中文"), Entry("region:ID-33.72", 0)], CancellationToken.None);
        await log.AppendAsync([Entry("region:ID-33.10", 1, actorJurisdiction: null), Entry("region:ID-33.10", 2)], CancellationToken.None);

        var links = await ScalarsAsync(logins.Runtime, "SELECT stream_id || '#' || chain_seq FROM collab_audit ORDER BY audit_id");
        Assert.Equal(["region:ID-33.10#1", "region:ID-33.72#1", "region:ID-33.10#2", "region:ID-33.10#3"], links);
        var report = await VerifyAsync(logins.Runtime);
        Assert.True(report.Intact, $"broken: {report.FirstBreak}");
        Assert.Equal((4L, 2L), (report.Records, report.Streams));
    }

    [Fact]
    public async Task Append_RuntimeSuppliesItsOwnChainValues_TheTriggerOverwritesThem()
    {
        var logins = await fixture.CreateMigratorOwnedDatabaseAsync("chainforge");
        await using (var connection = new NpgsqlConnection(logins.Runtime))
        {
            await connection.OpenAsync();
            await using var forged = new NpgsqlCommand(
                """
                INSERT INTO collab_audit (occurred_at, actor, actor_role, operation, resource_type, resource_id, stream_id,
                                          from_version, to_version, event_types, chain_seq, chain_hash)
                VALUES (now(), 'forger', 'admin', 'AdvanceStage', 'partnership', 'P-1', 'partnership:P-1', 0, 1, '{}', 99, '\x00')
                """,
                connection);
            await forged.ExecuteNonQueryAsync();
        }

        Assert.Equal(["1"], await ScalarsAsync(logins.Runtime, "SELECT chain_seq::text FROM collab_audit"));
        Assert.True((await VerifyAsync(logins.Runtime)).Intact);
    }

    [Fact]
    public async Task Migrate_RecordsWrittenBeforeTheChain_AreBackfilledPerStreamInRecordedOrder()
    {
        var logins = await fixture.CreateMigratorOwnedDatabaseAsync("chainbackfill", migrate: false);
        await ApplyEmbeddedScriptsBeforeAsync(logins.Migrator, version: 10);
        await using (var dataSource = NpgsqlDataSource.Create(logins.Migrator))
        {
            await new AuditLog(dataSource).AppendAsync([Entry("a", 0), Entry("b", 0), Entry("a", 1), Entry("a", 2)], CancellationToken.None);
        }

        var applied = await DatabaseMigrator.MigrateAsync(logins.Migrator, NullLogger.Instance, CancellationToken.None);

        Assert.Contains("0011_audit_hash_chain", applied);
        Assert.Equal(["a#1", "b#1", "a#2", "a#3"], await ScalarsAsync(logins.Runtime, "SELECT stream_id || '#' || chain_seq FROM collab_audit ORDER BY audit_id"));
        var report = await VerifyAsync(logins.Runtime);
        Assert.True(report.Intact, $"broken: {report.FirstBreak}");
        Assert.Equal(4, report.Records);
    }

    [Fact]
    public async Task Verify_RecordEditedAndRecordRemovedBehindTheApplicationsBack_ReportsTheLowestBrokenRecord()
    {
        var logins = await fixture.CreateMigratorOwnedDatabaseAsync("chaintamper");
        await using (var dataSource = NpgsqlDataSource.Create(logins.Runtime))
        {
            await new AuditLog(dataSource).AppendAsync([Entry("a", 0), Entry("a", 1), Entry("a", 2), Entry("b", 0), Entry("b", 1), Entry("b", 2)], CancellationToken.None);
        }

        var ids = (await ScalarsAsync(logins.Runtime, "SELECT audit_id::text FROM collab_audit ORDER BY audit_id")).Select(long.Parse).ToArray();
        await TamperAsync(logins.Superuser, $"DELETE FROM collab_audit WHERE audit_id = {ids[4]}");
        var gap = await VerifyAsync(logins.Runtime);
        await TamperAsync(logins.Superuser, $"UPDATE collab_audit SET actor = 'someone else' WHERE audit_id = {ids[1]}");
        var edited = await VerifyAsync(logins.Runtime);

        Assert.Equal(ids[5], gap.FirstBreak?.AuditId);
        Assert.Contains("missing", gap.FirstBreak!.Reason, StringComparison.Ordinal);
        Assert.Equal(ids[1], edited.FirstBreak?.AuditId);
        Assert.Contains("does not match its hash", edited.FirstBreak!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, edited.BrokenRecords);
    }

    [Fact]
    public async Task Append_UncommittedRecordOfOneStream_HoldsUpOnlyThatStreamsNextRecord()
    {
        var logins = await fixture.CreateMigratorOwnedDatabaseAsync("chainlocks");
        await using var dataSource = NpgsqlDataSource.Create(logins.Runtime);
        await using var holder = await dataSource.OpenConnectionAsync();
        await using var open = await holder.BeginTransactionAsync();
        await using (var first = new NpgsqlBatch(holder, open))
        {
            first.BatchCommands.Add(AuditLogInsert(Entry("partnership:P-held", 0)));
            await first.ExecuteNonQueryAsync();
        }

        var log = new AuditLog(dataSource);
        var otherStream = log.AppendAsync([Entry("partnership:P-free", 0)], CancellationToken.None);
        await otherStream.WaitAsync(TimeSpan.FromSeconds(10));
        var sameStream = log.AppendAsync([Entry("partnership:P-held", 1)], CancellationToken.None);
        var waited = await Task.WhenAny(sameStream, Task.Delay(TimeSpan.FromMilliseconds(500))) != sameStream;
        await open.CommitAsync();
        await sameStream.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waited, "the same stream's next record did not wait for the uncommitted one it links to");
        Assert.Equal(["partnership:P-held#1", "partnership:P-free#1", "partnership:P-held#2"], await ScalarsAsync(logins.Runtime, "SELECT stream_id || '#' || chain_seq FROM collab_audit ORDER BY audit_id"));
        Assert.True((await VerifyAsync(logins.Runtime)).Intact);
    }

    [Fact]
    public async Task Append_UncommittedRecordsOfDistinctStreams_AreAllLinkedWhileEachOtherIsStillOpen()
    {
        // One chain for all writers would make the second insert wait for the first's commit;
        // per-stream locks let every writer link its record while the others are still open.
        const int Writers = 8;
        var logins = await fixture.CreateMigratorOwnedDatabaseAsync("chainparallel");
        var builder = new NpgsqlConnectionStringBuilder(logins.Runtime) { MaxPoolSize = Writers + 2 };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var open = new List<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)>();
        try
        {
            for (var w = 0; w < Writers; w++)
            {
                var connection = await dataSource.OpenConnectionAsync();
                var transaction = await connection.BeginTransactionAsync();
                open.Add((connection, transaction));
                await using var insert = new NpgsqlBatch(connection, transaction);
                insert.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL lock_timeout = '10s'"));
                insert.BatchCommands.Add(AuditLogInsert(Entry($"partnership:P-open-{w}", 0)));
                var waited = await Record.ExceptionAsync(() => insert.ExecuteNonQueryAsync());
                Assert.True(waited is null, $"writer {w} waited for the {w} uncommitted records of other streams: {waited?.Message}");
            }

            foreach (var (_, transaction) in open)
            {
                await transaction.CommitAsync();
            }
        }
        finally
        {
            foreach (var (connection, transaction) in open)
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
        }

        var links = await ScalarsAsync(logins.Runtime, "SELECT stream_id || '#' || chain_seq FROM collab_audit ORDER BY audit_id");
        Assert.Equal(Enumerable.Range(0, Writers).Select(w => $"partnership:P-open-{w}#1"), links);
        var report = await VerifyAsync(logins.Runtime);
        Assert.True(report.Intact, $"broken: {report.FirstBreak}");
        Assert.Equal(((long)Writers, (long)Writers), (report.Records, report.Streams));
    }

    private static NpgsqlBatchCommand AuditLogInsert(AuditEntry entry)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO collab_audit (occurred_at, actor, actor_role, operation, resource_type, resource_id, stream_id, from_version, to_version, event_types)
            VALUES ($1, $2, 'region-official', 'AdvanceStage', 'partnership', $3, $3, $4, $5, '{StageAdvanced}')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = entry.OccurredAt });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Actor });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.StreamId });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.FromVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ToVersion });
        return command;
    }

    private static AuditEntry Entry(string stream, long fromVersion, string? title = null, string? actorJurisdiction = "ID-33.10") => new()
    {
        OccurredAt = OccurredAt.AddTicks(1234567 + fromVersion),
        Actor = "official:ID-33.10",
        ActorRole = "region-official",
        ActorJurisdiction = actorJurisdiction,
        RequestId = title,
        Operation = "UpdateRegionProfile",
        ResourceType = AuditEntry.RegionProfileResource,
        ResourceId = stream,
        StreamId = stream,
        FromVersion = fromVersion,
        ToVersion = fromVersion + 1,
        EventTypes = ["RegionProfileUpdated"],
        Jurisdictions = ["ID-33", "ID-33.10", "MINISTRY-ID"],
    };

    private static async Task<AuditChainReport> VerifyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await AuditChainVerifier.VerifyAsync(connection, CancellationToken.None);
    }

    /// <summary>What only a superuser can do: an edit with the append-only guard switched off for the session.</summary>
    private static async Task TamperAsync(string superuser, string sql)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SET session_replication_role = replica; {sql}; RESET session_replication_role", connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task ApplyEmbeddedScriptsBeforeAsync(string connectionString, int version)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("migrations/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (int.Parse(resource["migrations/".Length..][..4], System.Globalization.CultureInfo.InvariantCulture) >= version)
            {
                continue;
            }

            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            await using var script = new NpgsqlCommand(await reader.ReadToEndAsync(), connection);
            await script.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> ScalarsAsync(string connectionString, string sql)
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
