using System.Collections.Concurrent;
using System.Diagnostics;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Ledger;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Feeds;

[Collection(PostgresCollection.Name)]
public sealed class FeedHorizonExactlyOnceTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Churn = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Tail_ConcurrentWritersAmongForeignAndRolledBackTransactions_DeliversEveryCommitOnceInOrderAndPromptly()
    {
        var options = new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        await using var bed = await FeedTestBed.StartAsync(fixture, "horizonchurn", output, options);
        var otherDatabase = await fixture.CreateDatabaseAsync("horizonother");
        await using var watcher = bed.Watch(null, LedgerCursor.Start);
        await watcher.NextHeartbeatAsync("joining live");

        // Open for the whole run, in the other database: the case that used to stall every feed.
        await using var longForeign = await ForeignTransaction.BeginAsync(otherDatabase);
        var foreignOpen = 1;
        var acknowledged = new ConcurrentDictionary<LedgerCursor, (long At, bool ForeignOpen)>();
        var received = new List<(StoredLedgerEvent Event, long At)>();
        var until = Stopwatch.GetTimestamp() + (long)(Churn.TotalSeconds * Stopwatch.Frequency);
        bool Running() => Stopwatch.GetTimestamp() < until;

        async Task AppendLoopAsync(int writer)
        {
            for (var version = 1; Running(); version++)
            {
                var cursor = await bed.AppendAsync($"partnership:writer-{writer}", version, LedgerChanges.Jawa);
                acknowledged[cursor] = (Stopwatch.GetTimestamp(), Volatile.Read(ref foreignOpen) > 0);
                await Task.Delay(Random.Shared.Next(5, 40));
            }
        }

        async Task ForeignLoopAsync(string connectionString, int seed)
        {
            var random = new Random(seed);
            for (var turn = 0; Running(); turn++)
            {
                await using var foreign = await ForeignTransaction.BeginAsync(connectionString);
                await Task.Delay(random.Next(300, 2500));
                await (turn % 2 == 0 ? foreign.CommitAsync() : foreign.RollbackAsync());
            }
        }

        async Task RolledBackWriterLoopAsync()
        {
            for (var turn = 0; Running(); turn++)
            {
                await using var own = await OwnWriterTransaction.BeginAsync(bed.ConnectionString, $"partnership:rolled-back-{turn}");
                await Task.Delay(Random.Shared.Next(50, 400));
                await own.RollbackAsync();
            }
        }

        var receiving = Task.Run(async () =>
        {
            while (true)
            {
                var item = await watcher.NextAsync("receiving during the churn", TimeSpan.FromSeconds(30));
                if (!item.IsHeartbeat)
                {
                    lock (received)
                    {
                        received.Add((item.Event, Stopwatch.GetTimestamp()));
                        if (item.Event.StreamId == "partnership:last")
                        {
                            return;
                        }
                    }
                }
            }
        });

        await Task.WhenAll(
            AppendLoopAsync(1),
            AppendLoopAsync(2),
            AppendLoopAsync(3),
            AppendLoopAsync(4),
            ForeignLoopAsync(bed.ConnectionString, 7),
            ForeignLoopAsync(otherDatabase, 11),
            RolledBackWriterLoopAsync()).WaitAsync(Churn + TimeSpan.FromSeconds(30)); // the churn's writers end with it
        var last = await bed.AppendAsync("partnership:last", 1, LedgerChanges.Jawa);
        acknowledged[last] = (Stopwatch.GetTimestamp(), true);
        try
        {
            await receiving.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"after the churn: the watcher had received {received.Count} of {acknowledged.Count} commits and not {last} within 30 s", exception);
        }

        await longForeign.RollbackAsync();
        Volatile.Write(ref foreignOpen, 0);

        var committed = await bed.ReadBackAsync(null);
        var cursors = received.Select(r => r.Event.Cursor).ToList();
        var latencies = received
            .Where(r => acknowledged.TryGetValue(r.Event.Cursor, out var ack) && ack.ForeignOpen)
            .Select(r => Stopwatch.GetElapsedTime(acknowledged[r.Event.Cursor].At, r.At))
            .Order()
            .ToList();
        var worst = latencies.Count == 0 ? TimeSpan.Zero : latencies[^1];
        output.WriteLine($"{acknowledged.Count} commits acknowledged, {received.Count} delivered; while a foreign transaction was open: {latencies.Count} commits, median {Percentile(latencies, 0.5).TotalMilliseconds:F0} ms, p99 {Percentile(latencies, 0.99).TotalMilliseconds:F0} ms, worst {worst.TotalMilliseconds:F0} ms after the acknowledgement");

        Assert.True(acknowledged.Count > 40, $"only {acknowledged.Count} commits were made during the churn");
        Assert.Equal(committed.Select(e => e.Cursor), cursors);
        Assert.Equal(acknowledged.Keys.Order(), cursors);
        Assert.DoesNotContain(received, r => r.Event.StreamId.StartsWith("partnership:rolled-back-", StringComparison.Ordinal));
        Assert.True(worst <= DeliveryBound, $"a commit made while a foreign transaction was open was delivered {worst} after its acknowledgement; at most {DeliveryBound} is allowed");
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double fraction) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)(fraction * sorted.Count))];
}
