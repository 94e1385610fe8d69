using System.Diagnostics;
using System.Diagnostics.Metrics;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Ledger;
using CollabPlatform.Persistence.Telemetry;
using Npgsql;
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

    [Fact]
    public async Task Horizon_OwnWriterHeldOpen_GaugeAndWarningWithinFiveSeconds()
    {
        var options = new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), HorizonHoldWarning = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMinutes(5) };
        await using var bed = await FeedTestBed.StartAsync(fixture, "horizonheld", output, options);
        var database = new NpgsqlConnectionStringBuilder(bed.ConnectionString).Database;
        var reported = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CollabTelemetry.Name && instrument.Name == "collab.feed.horizon.lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db.namespace" && Equals(tag.Value, database) && value >= 1.0)
                {
                    reported.TrySetResult(value);
                }
            }
        });
        listener.Start();
        await using var watcher = bed.Watch(null, LedgerCursor.Start);
        await watcher.NextHeartbeatAsync("joining live");

        var started = Stopwatch.GetTimestamp();
        await using var stuck = await OwnWriterTransaction.BeginAsync(bed.ConnectionString, "partnership:stuck");
        var later = await bed.AppendAsync("partnership:later", 1, LedgerChanges.Jawa);
        var gauge = await reported.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var visibleAfter = Stopwatch.GetElapsedTime(started);
        var warnings = bed.TailerLog.Where(entry => entry.EventId.Id == 2209).Select(entry => entry.Message).ToList();
        var whileStuck = await watcher.NextAsync("while our own writer is open");
        await stuck.RollbackAsync();
        var delivered = await watcher.NextEventAsync("after the stuck writer rolled back");
        output.WriteLine($"gauge {gauge:F1} s and warning {visibleAfter.TotalMilliseconds:F0} ms after the writer began: {string.Join(" | ", warnings)}");

        Assert.True(visibleAfter <= TimeSpan.FromSeconds(5), $"the stuck writer became visible after {visibleAfter}");
        Assert.Contains(warnings, message => message.Contains($"transaction {stuck.Cursor.TransactionId} ", StringComparison.Ordinal));
        Assert.True(whileStuck.IsHeartbeat, $"while {stuck.Cursor} was open the feed delivered {whileStuck.Cursor}");
        Assert.Equal(later, delivered.Cursor);
    }

    [Fact]
    public async Task Horizon_OwnWriterIdleInTransaction_EndedByTheSessionTimeoutAndTheFeedMovesOn()
    {
        var options = new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        await using var bed = await FeedTestBed.StartAsync(fixture, "horizonidle", output, options);
        await using var watcher = bed.Watch(null, LedgerCursor.Start);
        await watcher.NextHeartbeatAsync("joining live");
        var bounded = SessionTimeouts.WithIdleInTransactionTimeout(bed.ConnectionString, TimeSpan.FromSeconds(1));

        var started = Stopwatch.GetTimestamp();
        await using var stuck = await OwnWriterTransaction.BeginAsync(bounded, "partnership:stuck");
        var later = await bed.AppendAsync("partnership:later", 1, LedgerChanges.Jawa);
        var delivered = await watcher.NextEventAsync("after the server ended the idle writer's session");
        var heldFor = Stopwatch.GetElapsedTime(started);
        var commit = await Record.ExceptionAsync(stuck.CommitAsync);
        output.WriteLine($"held {heldFor.TotalMilliseconds:F0} ms; committing afterwards: {commit?.GetType().Name} {commit?.Message}");

        Assert.Equal(later, delivered.Cursor);
        Assert.True(heldFor >= TimeSpan.FromSeconds(0.9), $"the feed moved on after {heldFor}, before the 1 s timeout could have ended the writer");
        Assert.NotNull(commit);
        Assert.Single(await bed.ReadBackAsync(null));
    }

    [Fact]
    public async Task Register_TransactionThatWroteBeforeItsFirstLedgerRow_IsRefusedUnlessRegisteredFirst()
    {
        await using var bed = await FeedTestBed.StartAsync(fixture, "horizonregister", output);
        await using (var setup = await bed.DataSource.OpenConnectionAsync())
        await using (var create = new NpgsqlCommand("CREATE TABLE side_work (note text)", setup))
        {
            await create.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => WriteElsewhereThenLedgerAsync(bed, register: false));
        await WriteElsewhereThenLedgerAsync(bed, register: true);

        Assert.Contains("must register before its first write", refused.MessageText, StringComparison.Ordinal);
        Assert.Single(await bed.ReadBackAsync(null));
    }

    private static async Task WriteElsewhereThenLedgerAsync(FeedTestBed bed, bool register)
    {
        await using var connection = await bed.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var sql = (register ? "SELECT collab_ledger_register_writer();" : "") + """
            INSERT INTO side_work VALUES ('first');
            INSERT INTO collab_ledger (stream_id, stream_version, event_type, payload, actor, occurred_at, jurisdictions)
            VALUES ('partnership:late', 1, 'MeetingRecorded', '{}', 'tester', now(), ARRAY['ID-33']);
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
