using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Benchmarks.Workload;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>
/// Unary reads: GetPartnership of partnerships whose grains are active, against an empty
/// gRPC call on the same Host (grpc.health.v1 Check of the <c>liveness</c> service), at
/// concurrency 1 and 64: throughput and latency.
/// </summary>
internal sealed class UnaryReadScenario : IScenario
{
    private const string JawaTengah = "ID-33";
    private const int Partnerships = 64;

    public string Name => "unary";

    public string Title => "Unary read vs. empty call";

    public async Task RunAsync(BenchOptions options, ScenarioRecorder recorder, CancellationToken cancellationToken)
    {
        var rounds = options.Size(3, 1);
        var slice = TimeSpan.FromSeconds(options.Size(4, 1));
        await using var stack = await BenchStack.StartAsync("unary", null, options, cancellationToken);
        var regions = new RegionPool();
        var locals = regions.MunicipalitiesOf(JawaTengah);

        // Partnerships with a short history each (proposal, minutes, meeting, facilitator), as a
        // regency's typical tie looks; creating them activates their grains.
        var ids = new string[Partnerships];
        using var writerChannel = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Admin);
        await Parallel.ForAsync(0, Partnerships, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (n, ct) =>
        {
            var local = locals[n % locals.Count];
            using var writer = ApiClient.Connect(stack.Host.GrpcAddress, Requests.OfficialOf(local), writerChannel.Channel);
            var foreign = regions.ForeignMunicipalities[n * 31 % regions.ForeignMunicipalities.Count];
            var id = (await writer.Partnerships.ProposePartnershipAsync(Requests.Propose(local, foreign, n), cancellationToken: ct)).Partnership.Id;
            await writer.Partnerships.AttachDocumentAsync(Requests.Document(id, DocumentKind.MinutesOfMeeting), cancellationToken: ct);
            await writer.Partnerships.RecordMeetingAsync(Requests.Meeting(id, n), cancellationToken: ct);
            await writer.Partnerships.AddFacilitatorAsync(new AddFacilitatorRequest { RequestId = Requests.NewRequestId(), PartnershipId = id, JurisdictionId = JawaTengah, Role = "provincial facilitator" }, cancellationToken: ct);
            ids[n] = id;
        });

        using var reader = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Facilitator(JawaTengah));
        var liveness = HealthCheck.Request("liveness");
        async Task GetAsync(int worker, long n, CancellationToken ct)
        {
            var response = await reader.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = ids[(worker + n) % Partnerships] }, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct);
            if (response.Partnership.Version != 4)
            {
                throw new InvalidOperationException($"partnership {response.Partnership.Id} came back at version {response.Partnership.Version}, not 4");
            }
        }

        async Task EmptyAsync(int worker, long n, CancellationToken ct)
        {
            if (await HealthCheck.CheckAsync(reader, liveness, DateTime.UtcNow.AddSeconds(30), ct) != HealthCheck.Serving)
            {
                throw new InvalidOperationException("the liveness check did not answer SERVING");
            }
        }

        // Untimed warm-up of both paths (JIT, connection, thread pool).
        await ClosedLoop.RunAsync(64, TimeSpan.FromSeconds(options.Size(3, 1)), GetAsync, cancellationToken);
        await ClosedLoop.RunAsync(64, TimeSpan.FromSeconds(options.Size(3, 1)), EmptyAsync, cancellationToken);

        var baselineName = "empty call";
        foreach (var concurrency in new[] { 1, 64 })
        {
            Log.Line($"  concurrency {concurrency}: {rounds} × ({slice.TotalSeconds:0} s empty call, {slice.TotalSeconds:0} s GetPartnership)");
            var (get, empty) = await Interleaved.RunAsync(concurrency, rounds, slice, GetAsync, EmptyAsync, stack.Processes, cancellationToken);
            recorder.Add(Figure.RatioAtLeast($"GetPartnership throughput, concurrency {concurrency}", get.Throughput, "calls/s", baselineName, empty.Throughput, 0.7));
            recorder.Add(Figure.Of($"GetPartnership p50, concurrency {concurrency}", get.Latency.PercentileMs(50), "ms", baselineName, empty.Latency.PercentileMs(50)));
            recorder.Add(Figure.Of($"GetPartnership p99, concurrency {concurrency}", get.Latency.PercentileMs(99), "ms", baselineName, empty.Latency.PercentileMs(99)));
            recorder.Add(Figure.Of($"Host CPU per GetPartnership, concurrency {concurrency}", get.CpuMicrosPerCall("host"), "µs", baselineName, empty.CpuMicrosPerCall("host")));
            recorder.Add(Figure.Of($"client CPU per GetPartnership, concurrency {concurrency}", get.CpuMicrosPerCall("client"), "µs", baselineName, empty.CpuMicrosPerCall("client")));
            recorder.Check(get.Calls > 0 && empty.Calls > 0, $"concurrency {concurrency}: {get.Calls:N0} GetPartnership calls, each answering the partnership at version 4, and {empty.Calls:N0} empty calls answering SERVING, none failed");
            if (concurrency == 64)
            {
                recorder.Note($"At concurrency 64 the Host used {get.Cores("host"):0.00} cores for GetPartnership ({empty.Cores("host"):0.00} for the empty call), the client {get.Cores("client"):0.00} ({empty.Cores("client"):0.00}), PostgreSQL {get.Cores("postgres"):0.00}.");
            }
        }

        recorder.Note($"GetPartnership reads {Partnerships} partnerships in turn, each with 4 events (proposal, minutes of meeting, meeting, facilitator), their grains active since they were created. The empty call is grpc.health.v1 Check of the `liveness` service, which the Host answers from memory (one trivial health check: no grain, no database; the overall service \"\" would run a database query).");
        recorder.Note($"Closed loop: each of the 1 or 64 callers calls again as soon as its call returns, over one HTTP/2 connection. Slices of {slice.TotalSeconds:0} s alternate empty call and GetPartnership, {rounds} of each per concurrency, so the machine's changing load hits both alike. Host CPU per call is its CPU time over the slices divided by the calls made.");
    }
}
