using System.Collections.Concurrent;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Ledger;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Feeds;

[Collection(PostgresCollection.Name)]
public sealed class FeedHubTests(PostgresFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task SubscribeAsync_EventsBeforeAndAfterSubscribing_DeliversEachOnceInCursorOrder()
    {
        await using var bed = await FeedTestBed.StartAsync(fixture, "feedorder", output);
        var appended = new List<LedgerCursor>();
        for (var version = 1; version <= 5; version++)
        {
            appended.Add(await bed.AppendAsync("partnership:klaten-nanjing", version, LedgerChanges.Jawa));
        }

        await using var watcher = bed.Watch(null, LedgerCursor.Start);
        var caughtUp = await watcher.TakeEventsAsync(5, "catch-up of the 5 earlier events");
        for (var version = 6; version <= 10; version++)
        {
            appended.Add(await bed.AppendAsync("partnership:klaten-nanjing", version, LedgerChanges.Jawa));
        }

        var live = await watcher.TakeEventsAsync(5, "live delivery of the 5 later events");
        var marker = await bed.AppendAsync("partnership:klaten-nanjing", 11, LedgerChanges.Jawa);
        var next = await watcher.NextEventAsync("the marker after the 10 events");

        Assert.Equal(appended, caughtUp.Concat(live).Select(e => e.Cursor));
        Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), caughtUp.Concat(live).Select(e => e.StreamVersion));
        Assert.Equal(marker, next.Cursor);
    }

    [Fact]
    public async Task SubscribeAsync_ResumedWithTheKthCursorOnAnotherReplica_DeliversTheRestOnce()
    {
        await using var bed = await FeedTestBed.StartAsync(fixture, "feedresume", output);
        var appended = new List<LedgerCursor>();
        for (var version = 1; version <= 12; version++)
        {
            appended.Add(await bed.AppendAsync("partnership:surakarta-xian", version, LedgerChanges.Jawa));
        }

        List<StoredLedgerEvent> firstFive;
        await using (var first = bed.Watch("ID-33", LedgerCursor.Start))
        {
            firstFive = await first.TakeEventsAsync(5, "first connection");
        }

        await using var replica = await bed.StartReplicaAsync();
        await using var resumed = new FeedReader(replica.Hub, "ID-33", LedgerCursor.TryParse(firstFive[^1].Cursor.ToString(), out var token) ? token : throw new FormatException());
        var rest = await resumed.TakeEventsAsync(7, "second connection, on the other replica");
        var marker = await bed.AppendAsync("partnership:surakarta-xian", 13, LedgerChanges.Jawa);
        var next = await resumed.NextEventAsync("the marker after the 12 events");

        Assert.Equal(appended, firstFive.Concat(rest).Select(e => e.Cursor));
        Assert.Equal(marker, next.Cursor);
    }

    [Fact]
    public async Task SubscribeAsync_EightConcurrentWritersAndThreeScopes_EachWatcherGetsExactlyItsCommittedRows()
    {
        const int Writers = 8;
        const int AppendsPerWriter = 100;
        const string MarkerStream = "partnership:marker";
        string?[] scopes = [null, "ID-33", "ID-32"];
        string[][] jurisdictions = [LedgerChanges.Jawa, LedgerChanges.Sulawesi, ["ID-33", "ID-32"], ["MINISTRY-ID"]];
        await using var bed = await FeedTestBed.StartAsync(fixture, "feedconcurrent", output, new FeedOptions { CatchUpBatchSize = 32 });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var committed = 0;

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var version = 1; version <= AppendsPerWriter; version++)
            {
                await bed.AppendAsync($"partnership:writer-{writer}", version, jurisdictions[writer % jurisdictions.Length]);
                if (Interlocked.Increment(ref committed) == 100)
                {
                    started.SetResult();
                }
            }
        })).ToArray();

        // Watchers join while writers are busy, so they catch up and switch to live under load.
        await started.Task.WaitAsync(FeedReader.Patience);
        var watchers = scopes.Select(scope => bed.Watch(scope, LedgerCursor.Start)).ToList();
        var delivered = watchers.Select((watcher, i) => watcher.TakeEventsThroughAsync(MarkerStream, $"watcher of {scopes[i] ?? "every scope"}")).ToList();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(20));
        await bed.AppendAsync(MarkerStream, 1, ["ID-33", "ID-32"]);
        var received = await Task.WhenAll(delivered);

        for (var i = 0; i < scopes.Length; i++)
        {
            var expected = await bed.ReadBackAsync(scopes[i]);
            Assert.Equal(expected.Select(e => e.Cursor), received[i].Select(e => e.Cursor));
            await watchers[i].DisposeAsync();
        }

        Assert.Equal(Writers * AppendsPerWriter + 1, received[0].Count);
        Assert.Equal(401, received[1].Count);
        Assert.Equal(401, received[2].Count);
    }

    [Fact]
    public async Task SubscribeAsync_ConsumerStalledWhile500EventsCommit_BuffersAtMostCapacityAndLaterDeliversAllOnce()
    {
        const int Capacity = 8;
        var options = new FeedOptions { ChannelCapacity = Capacity, CatchUpBatchSize = 50, HeartbeatInterval = TimeSpan.FromMilliseconds(100) };
        await using var bed = await FeedTestBed.StartAsync(fixture, "feedslow", output, options);
        await using var watcher = bed.Watch(null, LedgerCursor.Start);

        // Heartbeats come only from the live fan-out: after one, the watcher is live.
        await watcher.NextHeartbeatAsync("joining live on an empty ledger");
        var writers = Enumerable.Range(0, 5).Select(writer => Task.Run(async () =>
        {
            for (var version = 1; version <= 100; version++)
            {
                await bed.AppendAsync($"partnership:slow-{writer}", version, LedgerChanges.Yogyakarta);
            }
        }));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(20));
        await bed.Tailer.PollAsync(CancellationToken.None).WaitAsync(FeedReader.Patience);
        var lagsWhileStalled = bed.Hub.LagCount;
        var liveWhileStalled = bed.Hub.LiveSubscriptions;

        var received = await watcher.TakeEventsAsync(500, "draining after the stall");
        var marker = await bed.AppendAsync("partnership:slow-marker", 1, LedgerChanges.Yogyakarta);
        var next = await watcher.NextEventAsync("the marker after catching up");
        await watcher.NextHeartbeatAsync("live again after catching up");

        Assert.Equal(1, lagsWhileStalled);
        Assert.Equal(0, liveWhileStalled);
        Assert.InRange(bed.Hub.PeakBuffered, 1, Capacity);
        Assert.Equal((await bed.ReadBackAsync(null)).SkipLast(1).Select(e => e.Cursor), received.Select(e => e.Cursor));
        Assert.Equal(marker, next.Cursor);
        Assert.Equal(1, bed.Hub.LiveSubscriptions);
    }

    [Fact]
    public async Task SubscribeAsync_Idle_SendsHeartbeatsCarryingTheLastCursor()
    {
        var interval = TimeSpan.FromMilliseconds(150);
        await using var bed = await FeedTestBed.StartAsync(fixture, "feedheartbeat", output, new FeedOptions { HeartbeatInterval = interval });
        await bed.AppendAsync("partnership:klaten-nanjing", 1, LedgerChanges.Jawa);
        var last = await bed.AppendAsync("partnership:klaten-nanjing", 2, LedgerChanges.Jawa);
        await using var watcher = bed.Watch("ID-33", LedgerCursor.Start);
        await watcher.TakeEventsAsync(2, "catch-up");
        var before = DateTimeOffset.UtcNow;

        var first = await watcher.NextHeartbeatAsync("first idle heartbeat");
        var second = await watcher.NextHeartbeatAsync("second idle heartbeat");

        Assert.Equal(last, first.Cursor);
        Assert.Equal(last, second.Cursor);
        Assert.InRange(first.ServerTime, before, DateTimeOffset.UtcNow);
        Assert.True(second.ServerTime - first.ServerTime >= interval - TimeSpan.FromMilliseconds(20), $"heartbeats {first.ServerTime:O} and {second.ServerTime:O} are closer than {interval}");
    }

    [Fact]
    public async Task SubscribeAsync_IdleAfterEventsOfOtherScopes_HeartbeatCursorMovesPastThemAndResumesExactly()
    {
        await using var bed = await FeedTestBed.StartAsync(fixture, "feedhbscope", output, new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        var own = await bed.AppendAsync("partnership:klaten-nanjing", 1, LedgerChanges.Jawa);
        var other = await bed.AppendAsync("partnership:bandung-braunschweig", 1, LedgerChanges.Sulawesi);
        await using var watcher = bed.Watch("ID-33", LedgerCursor.Start);
        Assert.Equal(own, (await watcher.NextEventAsync("catch-up")).Cursor);

        FeedItem heartbeat;
        do
        {
            heartbeat = await watcher.NextHeartbeatAsync($"heartbeat past {other}");
        }
        while (heartbeat.Cursor < other);
        var next = await bed.AppendAsync("partnership:klaten-nanjing", 2, LedgerChanges.Jawa);
        await using var resumed = bed.Watch("ID-33", heartbeat.Cursor);
        var afterResume = await resumed.NextEventAsync("resumed from the heartbeat's cursor");

        Assert.Equal(other, heartbeat.Cursor);
        Assert.Equal(next, afterResume.Cursor);
    }

    [Fact]
    public async Task SubscribeAsync_ScopedWatchers_ReceiveOnlyEventsNamingTheirJurisdiction()
    {
        await using var bed = await FeedTestBed.StartAsync(fixture, "feedscope", output, new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        var before = await bed.AppendAsync("partnership:klaten-nanjing", 1, LedgerChanges.Jawa);
        string?[] scopes = ["ID-33", null, "ID-32", "ID-3"];
        var watchers = scopes.Select(scope => bed.Watch(scope, LedgerCursor.Start)).ToList();
        var caughtUp = new[] { await watchers[0].NextEventAsync("ID-33 catch-up"), await watchers[1].NextEventAsync("unscoped catch-up") };
        foreach (var (watcher, scope) in watchers.Zip(scopes))
        {
            await watcher.NextHeartbeatAsync($"watcher of {scope ?? "every scope"} joining live");
        }

        var after = await bed.AppendAsync("partnership:klaten-nanjing", 2, LedgerChanges.Jawa);
        var marker = await bed.AppendAsync("partnership:marker", 1, ["ID-33", "ID-32", "ID-3"]);
        var received = new ConcurrentDictionary<string, List<LedgerCursor>>();
        await Task.WhenAll(watchers.Select(async (watcher, i) =>
            received[scopes[i] ?? "*"] = (await watcher.TakeEventsThroughAsync("partnership:marker", $"live watcher of {scopes[i] ?? "every scope"}")).Select(e => e.Cursor).ToList()));
        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }

        Assert.All(caughtUp, e => Assert.Equal(before, e.Cursor));
        Assert.Equal([after, marker], received["ID-33"]);
        Assert.Equal([after, marker], received["*"]);
        Assert.Equal([marker], received["ID-32"]);
        Assert.Equal([marker], received["ID-3"]);
    }

    // PostgreSQL reads a bare "tx_id" in ORDER BY as the select list's tx_id::text, so a ledger query
    // written that way sorts 1000 before 999 and pages past commits. EventLedger.ReadAllAsync has it.
    [Fact]
    public async Task SubscribeAsync_TransactionIdsGainADigit_DeliversInNumericOrder()
    {
        var options = new FeedOptions { CatchUpBatchSize = 3, TailBatchSize = 3, HeartbeatInterval = TimeSpan.FromMilliseconds(100) };
        await using var bed = await FeedTestBed.StartAsync(fixture, "feeddigits", output, options);
        await using var live = bed.Watch(null, LedgerCursor.Start);
        await live.NextHeartbeatAsync("joining live");
        var boundary = await bed.BurnTransactionIdsToJustBelowAPowerOfTenAsync();
        var appended = new List<LedgerCursor>();
        for (var version = 1; version <= 10; version++)
        {
            appended.Add(await bed.AppendAsync("partnership:klaten-nanjing", version, LedgerChanges.Jawa));
        }

        var delivered = await live.TakeEventsAsync(10, $"live across transaction id {boundary}");
        await using var caughtUp = bed.Watch(null, LedgerCursor.Start);
        var replayed = await caughtUp.TakeEventsAsync(10, $"catch-up across transaction id {boundary}");

        Assert.True(appended[0].TransactionId < boundary && appended[^1].TransactionId >= boundary, $"the appends {appended[0]}..{appended[^1]} must straddle {boundary}");
        Assert.Equal(appended, delivered.Select(e => e.Cursor));
        Assert.Equal(appended, replayed.Select(e => e.Cursor));
    }

    [Fact]
    public async Task SubscribeAsync_TailerStopped_LiveWatcherEndsWithFeedUnavailable()
    {
        var bed = await FeedTestBed.StartAsync(fixture, "feedstop", output, new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        await using var watcher = bed.Watch(null, LedgerCursor.Start);
        await watcher.NextHeartbeatAsync("joining live");

        await bed.DisposeAsync();

        // A heartbeat already on its way may still arrive first; an event never does, and the feed ends.
        await Assert.ThrowsAsync<FeedUnavailableException>(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                var item = await watcher.NextAsync("after the tailer stopped");
                Assert.True(item.IsHeartbeat, $"an event at {item.Cursor} arrived after the tailer stopped");
            }
        });
    }
}
