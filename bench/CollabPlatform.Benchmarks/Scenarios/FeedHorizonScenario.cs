using System.Diagnostics;
using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Benchmarks.Workload;
using Npgsql;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>
/// Live delivery latency of one watcher while another program keeps a write transaction open in
/// another database of the same PostgreSQL server, against the same writes with nothing open;
/// the two phases alternate on one Host. Checks that both watchers got every event once, in order.
/// </summary>
internal sealed class FeedHorizonScenario : IScenario
{
    private const string Country = "MINISTRY-ID";

    public string Name => "feed-horizon";

    public string Title => "Feed latency with a foreign transaction open in another database";

    public async Task RunAsync(BenchOptions options, ScenarioRecorder recorder, CancellationToken cancellationToken)
    {
        var rate = options.Size(50.0, 20.0);
        var phaseSeconds = options.Size(10, 4);
        var rounds = options.Size(4, 2);
        var regions = new RegionPool();
        var local = regions.MunicipalitiesOf("ID-33")[0];

        await using var stack = await BenchStack.StartAsync("feedhorizon", null, options, cancellationToken);
        await using var truth = new LedgerTruth(stack.Database.ConnectionString);
        var foreignDatabase = await CreateForeignDatabaseAsync(stack.Database.ConnectionString, cancellationToken);
        using var writer = ApiClient.Connect(stack.Host.GrpcAddress, Requests.OfficialOf(local));
        var retries = new Retries();
        var proposed = await writer.Partnerships.ProposePartnershipAsync(Requests.Propose(local, regions.ForeignMunicipalities[0], 1), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        var partnership = proposed.Partnership.Id;

        var start = await truth.HeadAsync(cancellationToken);
        var quiet = new MeasureGate();
        var held = new MeasureGate();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var quietClient = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Facilitator(Country, "facilitator-quiet"));
        using var heldClient = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Facilitator(Country, "facilitator-held"));
        var quietWatcher = new FeedWatcher(quietClient, Country, start, quiet);
        var heldWatcher = new FeedWatcher(heldClient, Country, start, held);
        quietWatcher.Start(watching.Token);
        heldWatcher.Start(watching.Token);

        var meetings = 0;
        async Task WriteAsync(long i, CancellationToken ct)
        {
            var request = Requests.Meeting(partnership, Interlocked.Increment(ref meetings));
            await retries.CallAsync(async () => await writer.Partnerships.RecordMeetingAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct), ct);
        }

        long failedWrites = 0;
        long heldWrites = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var foreignOpen in new[] { false, true })
            {
                Log.Line($"  round {round + 1}/{rounds}: {rate} writes/s for {phaseSeconds} s {(foreignOpen ? "with a transaction open in another database" : "with nothing else open")}");
                await using var foreign = foreignOpen ? await ForeignWork.BeginAsync(foreignDatabase, cancellationToken) : null;
                (foreignOpen ? held : quiet).Open = true;
                var writes = await Pacer.RunAsync(rate, TimeSpan.FromSeconds(phaseSeconds), 8, WriteAsync, cancellationToken);
                failedWrites += writes.Failed;
                heldWrites += foreignOpen ? writes.Issued : 0;

                // Both watchers must have everything before the phase ends, so each delivery is counted in its own phase.
                var expected = (await truth.ExpectedAsync([Country], start, cancellationToken))[Country].Count;
                await WaitUntilAsync(() => quietWatcher.Events >= expected && heldWatcher.Events >= expected, TimeSpan.FromSeconds(60), $"both watchers received the {expected} events of round {round + 1}");
                (foreignOpen ? held : quiet).Open = false;
                if (foreign is not null)
                {
                    recorder.Check(await foreign.StillOpenAsync(cancellationToken), $"round {round + 1}: the foreign transaction {foreign.TransactionId} was still open when the phase's deliveries had all arrived");
                }
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        await watching.CancelAsync();
        await Task.WhenAll(quietWatcher.Completion, heldWatcher.Completion);
        var (count, fingerprint) = (await truth.ExpectedAsync([Country], start, cancellationToken))[Country];

        recorder.Add(Figure.Of("delivery latency p50, foreign transaction open", heldWatcher.Latency.PercentileMs(50), "ms", "nothing open", quietWatcher.Latency.PercentileMs(50)));
        recorder.Add(Figure.Of("delivery latency p99, foreign transaction open", heldWatcher.Latency.PercentileMs(99), "ms", "nothing open", quietWatcher.Latency.PercentileMs(99)));
        recorder.Add(Figure.AtMost("delivery latency max, foreign transaction open", heldWatcher.Latency.MaxMicros / 1000.0, "ms", 2000, "nothing open", quietWatcher.Latency.MaxMicros / 1000.0));
        recorder.Add(Figure.Of("events delivered while a foreign transaction was open", heldWatcher.Latency.Count, "events", "writes then", heldWrites));
        recorder.Check(failedWrites == 0, $"{failedWrites} writes failed");
        foreach (var watcher in new[] { quietWatcher, heldWatcher })
        {
            recorder.Check(
                watcher.Failure is null && watcher.Events == count && watcher.Fingerprint == fingerprint && watcher.OutOfOrder == 0,
                $"a watcher got every one of the {count} events once, in ledger order ({watcher.Events} received, {watcher.OutOfOrder} out of order{(watcher.Failure is null ? string.Empty : ", failed: " + watcher.Failure.Message)})");
        }

        recorder.Note($"Writes: RecordMeeting on one partnership at {rate:0}/s (open loop, at most 8 in flight), {rounds} rounds of {phaseSeconds} s with nothing else open, then {phaseSeconds} s with another program's transaction open in database {ForeignDatabaseName} of the same server (it inserted a row and neither commits nor rolls back until the phase's deliveries have arrived). Two watchers of {Country} on the same Host; one records latency in the first phases, the other in the second.");
        recorder.Note("Latency = the watcher's receive time − the event's occurred_at (stamped by the Host just before the commit).");
    }

    private const string ForeignDatabaseName = "bench_foreign";

    private static async Task<string> CreateForeignDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {ForeignDatabaseName}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Database = ForeignDatabaseName, Pooling = false }.ConnectionString;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"not within {within}: {what}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Another program's write transaction, open until disposed (then rolled back).</summary>
    private sealed class ForeignWork : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;

        private ForeignWork(NpgsqlConnection connection, NpgsqlTransaction transaction, string transactionId)
        {
            _connection = connection;
            _transaction = transaction;
            TransactionId = transactionId;
        }

        public string TransactionId { get; }

        public static async Task<ForeignWork> BeginAsync(string connectionString, CancellationToken cancellationToken)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS foreign_work (note text)", connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = new NpgsqlCommand("INSERT INTO foreign_work VALUES ('held open') RETURNING pg_current_xact_id()::text", connection, transaction);
            var id = (string)(await insert.ExecuteScalarAsync(cancellationToken))!;
            return new ForeignWork(connection, transaction, id);
        }

        public async Task<bool> StillOpenAsync(CancellationToken cancellationToken)
        {
            await using var status = new NpgsqlCommand("SELECT pg_xact_status($1::text::xid8)", _connection, _transaction);
            status.Parameters.Add(new NpgsqlParameter { Value = TransactionId });
            return await status.ExecuteScalarAsync(cancellationToken) as string == "in progress";
        }

        public async ValueTask DisposeAsync()
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
