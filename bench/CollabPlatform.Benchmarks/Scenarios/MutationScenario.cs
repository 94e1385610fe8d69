using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Benchmarks.Workload;
using CollabPlatform.Contracts.V1;
using Npgsql;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>
/// Durable mutations: a stage change, committed with its event, read-model row and audit record
/// before it is acknowledged, against the same PostgreSQL doing one durable single-row insert per
/// transaction, at the same concurrency, from this program through Npgsql.
/// </summary>
internal sealed class MutationScenario : IScenario
{
    private const string JawaTengah = "ID-33";
    private const string Ministry = "MINISTRY-ID";
    private const int Partnerships = 128;

    // About the size of a stage-change event's row in the ledger.
    private const string Payload = """{"partnershipId":"P-BENCHMARKBENCHMAR","from":"Implementation","to":"Evaluation","note":null,"actor":"official:ID-33.10","occurredAt":"2026-01-01T00:00:00+00:00","jurisdictions":["ID-33.10","ID-33","CN-350627","CN-350600","CN-350000","MINISTRY-ID","MINISTRY-CN"]}""";

    public string Name => "mutation";

    public string Title => "Durable mutation vs. database-only insert";

    public async Task RunAsync(BenchOptions options, ScenarioRecorder recorder, CancellationToken cancellationToken)
    {
        var rounds = options.Size(3, 1);
        var slice = TimeSpan.FromSeconds(options.Size(4, 1));
        await using var stack = await BenchStack.StartAsync("mutation", null, options, cancellationToken);
        var regions = new RegionPool();
        var locals = regions.MunicipalitiesOf(JawaTengah);

        using var channel = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Admin);
        var writers = locals.ToDictionary(l => l, l => ApiClient.Connect(stack.Host.GrpcAddress, Requests.OfficialOf(l), channel.Channel), StringComparer.Ordinal);
        using var ministry = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Ministry(Ministry), channel.Channel);
        var pool = new (string Id, string Local)[Partnerships];
        Log.Line($"  bringing {Partnerships} partnerships to Implementation");
        await Parallel.ForAsync(0, Partnerships, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (n, ct) =>
        {
            var local = locals[n % locals.Count];
            pool[n] = (await ToImplementationAsync(writers[local], ministry, local, regions.ForeignMunicipalities[n * 17 % regions.ForeignMunicipalities.Count], n, ct), local);
        });

        // Each partnership belongs to one caller at a time, which knows its stage and toggles it:
        // Implementation -> Evaluation -> Implementation (the lifecycle's one way back).
        var inEvaluation = new bool[Partnerships];
        var next = new int[64];
        var concurrency = 1;
        long acknowledged = 0;
        var retries = new Retries();
        async Task AdvanceAsync(int worker, long n, CancellationToken ct)
        {
            var index = worker + (concurrency * (next[worker]++ % (Partnerships / concurrency)));
            var (id, local) = pool[index];
            var target = inEvaluation[index] ? PartnershipStage.Implementation : PartnershipStage.Evaluation;
            var request = Requests.Advance(id, target);
            var response = await retries.CallAsync(async () => await writers[local].Partnerships.AdvanceStageAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct), ct);
            if (response.Partnership.Stage != target)
            {
                throw new InvalidOperationException($"{id} answered stage {response.Partnership.Stage}, not {target}");
            }

            inEvaluation[index] = !inEvaluation[index];
            Interlocked.Increment(ref acknowledged);
        }

        var builder = new NpgsqlConnectionStringBuilder(stack.Database.ConnectionString) { MaxPoolSize = 80, ApplicationName = "bench-insert" };
        await using var database = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var create = database.CreateCommand("CREATE TABLE bench_insert (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, payload jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        async Task InsertAsync(int worker, long n, CancellationToken ct)
        {
            // One statement outside an explicit transaction is one transaction, committed durably
            // (synchronous_commit and fsync are on in the embedded server) before it returns.
            await using var command = database.CreateCommand("INSERT INTO bench_insert (stream_id, payload) VALUES ($1, $2::jsonb)");
            command.Parameters.Add(new NpgsqlParameter { Value = pool[n % Partnerships].Id });
            command.Parameters.Add(new NpgsqlParameter { Value = Payload });
            await command.ExecuteNonQueryAsync(ct);
        }

        concurrency = 64;
        await ClosedLoop.RunAsync(64, TimeSpan.FromSeconds(options.Size(3, 1)), AdvanceAsync, cancellationToken);
        await ClosedLoop.RunAsync(64, TimeSpan.FromSeconds(options.Size(3, 1)), InsertAsync, cancellationToken);

        var baselineName = "database-only insert";
        foreach (var c in new[] { 1, 64 })
        {
            concurrency = c;
            Array.Clear(next);
            Log.Line($"  concurrency {c}: {rounds} × ({slice.TotalSeconds:0} s insert, {slice.TotalSeconds:0} s AdvanceStage)");
            await using var waits = new WaitEventSampler(stack.Database.ConnectionString);
            waits.Start();
            var (advance, insert) = await Interleaved.RunAsync(c, rounds, slice, AdvanceAsync, InsertAsync, stack.Processes, cancellationToken);
            await waits.StopAsync();
            recorder.Note($"Concurrency {c}: the Host's busy PostgreSQL backends, sampled every 50 ms during the stage changes, were {string.Join(", ", waits.Shares.Take(5).Select(w => $"{w.State} {w.Share:P0}"))} (Lock:object is the lock NOTIFY takes at commit; Client:ClientRead is waiting for the Host inside a transaction; IO/LWLock:WAL* is the commit's flush).");
            recorder.Add(Figure.RatioAtLeast($"stage changes, concurrency {c}", advance.Throughput, "commits/s", baselineName, insert.Throughput, 0.5));
            recorder.Add(Figure.Of($"stage change p50, concurrency {c}", advance.Latency.PercentileMs(50), "ms", baselineName, insert.Latency.PercentileMs(50)));
            recorder.Add(Figure.Of($"stage change p99, concurrency {c}", advance.Latency.PercentileMs(99), "ms", baselineName, insert.Latency.PercentileMs(99)));
            recorder.Add(Figure.Of($"PostgreSQL CPU per commit, concurrency {c}", advance.CpuMicrosPerCall("postgres"), "µs", baselineName, insert.CpuMicrosPerCall("postgres")));
            recorder.Add(Figure.Of($"Host CPU per stage change, concurrency {c}", advance.CpuMicrosPerCall("host"), "µs"));
            recorder.Check(advance.Calls > 0 && insert.Calls > 0, $"concurrency {c}: {advance.Calls:N0} stage changes, each answered at its target stage, and {insert.Calls:N0} inserts, none failed");
            if (c == 64)
            {
                recorder.Note($"At concurrency 64, during stage changes the Host used {advance.Cores("host"):0.00} cores, PostgreSQL {advance.Cores("postgres"):0.00}, the client {advance.Cores("client"):0.00}; during inserts PostgreSQL used {insert.Cores("postgres"):0.00} and the client {insert.Cores("client"):0.00}.");
            }
        }

        var committed = await CountAsync(database, "SELECT count(*) FROM collab_ledger WHERE from_stage IN ('Implementation', 'Evaluation') AND to_stage IN ('Implementation', 'Evaluation') AND from_stage <> to_stage", cancellationToken);
        recorder.Check(committed == acknowledged, $"the ledger holds one Implementation/Evaluation event per acknowledged stage change, warm-up included ({committed:N0} events, {acknowledged:N0} acknowledged)");
        recorder.Note($"Stage change: AdvanceStage over gRPC, toggling {Partnerships} partnerships (each brought to Implementation first) between Implementation and Evaluation; each call is authenticated (bearer token of the region's official), validated, decided by the partnership's grain and committed with its event, read-model row and audit record in one PostgreSQL transaction before it is answered; a NOTIFY for the feeds follows in a transaction of its own. Every caller owns its partnerships, so no two calls race on one.");
        recorder.Note($"Baseline: the same PostgreSQL, the same concurrency, from this program over Npgsql: one INSERT of a single row (a jsonb payload the size of a stage-change event) per transaction, durable (fsync and synchronous_commit on). Closed loop, {rounds} alternating slices of {slice.TotalSeconds:0} s of each per concurrency.");
        if (retries.Count > 0)
        {
            recorder.Note($"Stage changes retried after UNAVAILABLE (same request, as the API asks): {retries.Count} (last reason: {retries.LastReason}).");
        }

        foreach (var writer in writers.Values)
        {
            writer.Dispose();
        }
    }

    private static async Task<string> ToImplementationAsync(ApiClient writer, ApiClient ministry, string local, string foreign, int n, CancellationToken cancellationToken)
    {
        var partnerships = writer.Partnerships;
        var id = (await partnerships.ProposePartnershipAsync(Requests.Propose(local, foreign, n), cancellationToken: cancellationToken)).Partnership.Id;

        // The region records each document and move, except central-government approval: the
        // ministry moves the partnership into its review, attaches its approval and releases it to drafting.
        var steps = new (DocumentKind Document, ApiClient DocumentBy, PartnershipStage Stage, ApiClient StageBy)[]
        {
            (DocumentKind.LetterOfIntent, writer, PartnershipStage.LetterOfIntent, writer),
            (DocumentKind.CooperationPlan, writer, PartnershipStage.CooperationPlan, writer),
            (DocumentKind.CouncilApproval, writer, PartnershipStage.CouncilApproval, writer),
            (DocumentKind.MinistryRequest, writer, PartnershipStage.CentralReview, ministry),
            (DocumentKind.CentralApproval, ministry, PartnershipStage.Drafting, ministry),
        };
        foreach (var (document, documentBy, stage, stageBy) in steps)
        {
            await documentBy.Partnerships.AttachDocumentAsync(Requests.Document(id, document), cancellationToken: cancellationToken);
            await stageBy.Partnerships.AdvanceStageAsync(Requests.Advance(id, stage), cancellationToken: cancellationToken);
        }

        var validity = new ValidityWindow { EffectiveDate = Requests.Date(2024, 3, 1), ExpiryDate = Requests.Date(2029, 2, 28) };
        await partnerships.AttachDocumentAsync(Requests.Document(id, DocumentKind.Agreement, validity), cancellationToken: cancellationToken);
        await partnerships.AdvanceStageAsync(Requests.Advance(id, PartnershipStage.Signed), cancellationToken: cancellationToken);
        var implemented = await partnerships.AdvanceStageAsync(Requests.Advance(id, PartnershipStage.Implementation), cancellationToken: cancellationToken);
        return implemented.Partnership.Stage == PartnershipStage.Implementation
            ? id
            : throw new InvalidOperationException($"{id} did not reach Implementation");
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
