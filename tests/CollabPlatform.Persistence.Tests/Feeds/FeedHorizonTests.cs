using System.Diagnostics;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Ledger;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Feeds;

[Collection(PostgresCollection.Name)]
public sealed class FeedHorizonTests(PostgresFixture fixture, ITestOutputHelper output)
{
    /// <summary>The requirement: another program's open transaction delays live delivery by at most this.</summary>
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tail_ForeignTransactionOpen_CommitDeliveredWithinTwoSeconds(bool inAnotherDatabase)
    {
        var options = new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        await using var bed = await FeedTestBed.StartAsync(fixture, "horizonforeign", output, options);
        await using var watcher = bed.Watch(null, LedgerCursor.Start);
        await watcher.NextHeartbeatAsync("joining live");
        var foreignDatabase = inAnotherDatabase ? await fixture.CreateDatabaseAsync("foreigndb") : bed.ConnectionString;
        await using var foreign = await ForeignTransaction.BeginAsync(foreignDatabase);

        var started = Stopwatch.GetTimestamp();
        var appended = await bed.AppendAsync("partnership:klaten-nanjing", 1, LedgerChanges.Jawa);
        var delivered = await watcher.NextEventAsync("live delivery while a foreign transaction is open");
        var latency = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"delivered {delivered.Cursor} {latency.TotalMilliseconds:F0} ms after the append began, foreign transaction {foreign.TransactionId} open");
        await foreign.RollbackAsync();

        Assert.True(foreign.TransactionId < appended.TransactionId, $"the foreign transaction {foreign.TransactionId} must be older than the commit {appended}");
        Assert.Equal(appended, delivered.Cursor);
        Assert.True(latency <= DeliveryBound, $"delivery took {latency} behind a foreign transaction; at most {DeliveryBound} is allowed");
    }
}
