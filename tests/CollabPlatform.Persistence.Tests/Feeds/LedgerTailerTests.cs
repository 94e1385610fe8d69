using System.Globalization;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Ledger;
using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Feeds;

[Collection(PostgresCollection.Name)]
public sealed class LedgerTailerTests(PostgresFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tail_LaterCommitWhileAnOlderTransactionIsOpen_WithheldUntilTheOlderEnds(bool olderCommits)
    {
        var options = new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMinutes(1) };
        await using var bed = await FeedTestBed.StartAsync(fixture, "tailxmin", output, options);
        await using var watcher = bed.Watch(null, LedgerCursor.Start);
        await watcher.NextHeartbeatAsync("joining live");
        await using var older = await bed.DataSource.OpenConnectionAsync();
        await using var transaction = await older.BeginTransactionAsync();
        var olderCursor = await InsertRowAsync(older, transaction, "partnership:older");

        var later = await bed.AppendAsync("partnership:later", 1, LedgerChanges.Jawa);
        await bed.Tailer.PollAsync(CancellationToken.None).WaitAsync(FeedReader.Patience);
        var headWhileOpen = bed.Hub.Head;
        var readableWhileOpen = await bed.Ledger.ReadAllAsync(LedgerCursor.Start, null, 10, CancellationToken.None);
        var nextWhileOpen = await watcher.NextAsync("while the older transaction is open");
        if (olderCommits)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        var delivered = await watcher.TakeEventsThroughAsync("partnership:later", "after the older transaction ended");

        Assert.True(olderCursor < later, $"the older transaction's row {olderCursor} must sort before the later commit {later}");
        Assert.Equal(LedgerCursor.Start, headWhileOpen);
        Assert.Empty(readableWhileOpen);
        Assert.True(nextWhileOpen.IsHeartbeat, $"while {olderCursor} was uncommitted the feed delivered {nextWhileOpen.Cursor}");
        Assert.Equal(LedgerCursor.Start, nextWhileOpen.Cursor);
        Assert.Equal(olderCommits ? [olderCursor, later] : [later], delivered.Select(e => e.Cursor));
    }

    [Fact]
    public async Task Start_WhileAnOlderTransactionIsOpenAndALaterOneCommitted_StartsBehindBoth()
    {
        var connectionString = await fixture.CreateMigratedDatabaseAsync("tailstart");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var ledger = new EventLedger(dataSource);
        var first = await ledger.AppendAsync(LedgerChanges.Event("partnership:klaten-nanjing", 1, LedgerChanges.Jawa), CancellationToken.None);
        await using var older = await dataSource.OpenConnectionAsync();
        await using var transaction = await older.BeginTransactionAsync();
        var olderCursor = await InsertRowAsync(older, transaction, "partnership:older");
        var later = await ledger.AppendAsync(LedgerChanges.Event("partnership:later", 1, LedgerChanges.Jawa), CancellationToken.None);
        var options = new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) };

        await using var bed = await FeedTestBed.StartOnAsync(connectionString, output, options);
        await using var watcher = bed.Watch(null, first);
        await watcher.NextHeartbeatAsync("joining live while the older transaction is open");
        var headWhileOpen = bed.Hub.Head;
        await transaction.CommitAsync();
        var delivered = await watcher.TakeEventsThroughAsync("partnership:later", "live after the older transaction committed");

        Assert.Equal(first, headWhileOpen);
        Assert.Equal([olderCursor, later], delivered.Select(e => e.Cursor));
    }

    [Fact]
    public async Task Start_TransactionIdsJustGainedADigit_StartsAtTheNumericallyLastEvent()
    {
        await using var bed = await FeedTestBed.StartAsync(fixture, "tailheaddigits", output);
        var boundary = await bed.BurnTransactionIdsToJustBelowAPowerOfTenAsync();
        var appended = new List<LedgerCursor>();
        for (var version = 1; appended.Count == 0 || appended[^1].TransactionId < boundary; version++)
        {
            appended.Add(await bed.AppendAsync("partnership:klaten-nanjing", version, LedgerChanges.Jawa));
        }

        await using var replica = await bed.StartReplicaAsync();
        await replica.Tailer.PollAsync(CancellationToken.None).WaitAsync(FeedReader.Patience);
        var started = replica.TailerLog.Single(entry => entry.EventId.Id == 2201).Message;

        Assert.True(appended[0].TransactionId < boundary, $"the first append {appended[0]} must come before transaction id {boundary}");
        Assert.Equal($"Ledger tailer started at {appended[^1]}", started);
    }

    [Fact]
    public async Task Tail_CommitNotified_DeliveredWithoutWaitingForThePollInterval()
    {
        var options = new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMinutes(5) };
        await using var bed = await FeedTestBed.StartAsync(fixture, "tailnotify", output, options);
        await using var watcher = bed.Watch("ID-35", LedgerCursor.Start);
        await watcher.NextHeartbeatAsync("joining live");

        // Both replicas wait five minutes between polls; only the notification can wake them in time.
        await using var replica = await bed.StartReplicaAsync();
        await using var elsewhere = new FeedReader(replica.Hub, "ID-35", LedgerCursor.Start);
        await elsewhere.NextHeartbeatAsync("joining live on the other replica");
        var appended = await bed.AppendAsync("partnership:surabaya-kochi", 1, LedgerChanges.JawaTimur);
        var here = await watcher.NextEventAsync("live delivery on this replica");
        var there = await elsewhere.NextEventAsync("live delivery on the other replica");

        Assert.Equal(appended, here.Cursor);
        Assert.Equal(appended, there.Cursor);
    }

    [Fact]
    public async Task Append_Committed_AnnouncesItsTransactionIdOnceTheRowIsReadable()
    {
        var connectionString = await fixture.CreateMigratedDatabaseAsync("appendnotify");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var ledger = new EventLedger(dataSource);
        await using var listener = await dataSource.OpenConnectionAsync();
        var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => announced.TrySetResult(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN " + LedgerTailer.NotificationChannel, listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var appended = await ledger.AppendAsync(LedgerChanges.Event("partnership:klaten-nanjing", 1, LedgerChanges.Jawa), CancellationToken.None);
        var received = await listener.WaitAsync(FeedReader.Patience);
        var readable = await ledger.ReadAllAsync(LedgerCursor.Start, null, 10, CancellationToken.None);

        Assert.True(received, $"no notification on {LedgerTailer.NotificationChannel} within {FeedReader.Patience} of the commit of {appended}");
        Assert.Equal(appended.TransactionId.ToString(CultureInfo.InvariantCulture), await announced.Task);
        Assert.Equal([appended], readable.Select(e => e.Cursor));
    }

    private static async Task<LedgerCursor> InsertRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO collab_ledger (stream_id, stream_version, event_type, payload, actor, occurred_at, jurisdictions)
            VALUES ($1, 1, 'PartnershipProposed', '{}', 'tester', now(), ARRAY['ID-33'])
            RETURNING tx_id::text, position
            """,
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await insert.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new LedgerCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
    }
}
