using System.Diagnostics;
using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Benchmarks.Workload;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>
/// Scale: 4,096 region profiles and 100,000 partnerships with a joint programme each,
/// loaded through the API; load time, the Host's memory with every partnership grain active, the
/// memory per active grain, and a facilitator's list query at that size. Baselines: the same
/// figures after the first 1,000 partnerships, and the idle Host before the load.
/// </summary>
internal sealed class ScaleScenario : IScenario
{
    private const string JawaTengah = "ID-33";
    private const string Country = "MINISTRY-ID";
    private const int LoadConcurrency = 64;

    // One partnership in four has a joint programme; the three extra mutations it takes (letter of
    // intent, stage, programme) for all of them would not fit the suite's time.
    private const int ProgrammeEvery = 4;

    public string Name => "scale";

    public string Title => "Scale: 4,096 regions, 100,000 partnerships, 25,000 programmes";

    public async Task RunAsync(BenchOptions options, ScenarioRecorder recorder, CancellationToken cancellationToken)
    {
        var regionCount = options.Size(4096, 200);
        var partnershipCount = options.Size(100_000, 2_000);
        var firstStep = options.Size(1_000, 200);
        var querySeconds = options.Size(8, 2);
        var regions = new RegionPool();
        var municipalities = regions.AllMunicipalities();

        await using var stack = await BenchStack.StartAsync("scale", new Dictionary<string, string> { ["Collab:Telemetry:Prometheus"] = "true" }, options, cancellationToken);
        using var channel = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Admin);
        var clients = new Dictionary<Principal, ApiClient>();
        ApiClient As(Principal principal)
        {
            lock (clients)
            {
                if (!clients.TryGetValue(principal, out var client))
                {
                    clients[principal] = client = ApiClient.Connect(stack.Host.GrpcAddress, principal, channel.Channel);
                }

                return client;
            }
        }

        var retries = new Retries();
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var idle = await HostMetrics.AfterFullCollectionAsync(stack.Host.Pid, stack.Host.ManagementAddress, cancellationToken);
        var idleResident = ProcStat.ResidentBytes(stack.Host.Pid) ?? 0;

        // Region profiles: every region of the catalogue in turn, Indonesian and foreign.
        var all = regions.All;
        Log.Line($"  {regionCount:N0} region profiles");
        var regionLoad = await LoadAsync(regionCount, async (n, ct) =>
        {
            var region = all[(int)(n * 7919 % all.Count)];
            var request = Requests.Profile(region, (int)n);
            await retries.CallAsync(async () => await As(Requests.OfficialOf(region)).Regions.UpdateRegionProfileAsync(request, deadline: Deadline(), cancellationToken: ct), ct);
        }, cancellationToken);

        // Partnerships, each proposed by its regency or city; every fourth also reaches the letter
        // of intent (a programme needs it) and gets a joint programme.
        long programmes = 0;
        async Task PartnershipAsync(long n, CancellationToken ct)
        {
            var local = municipalities[(int)(n % municipalities.Count)];
            var foreign = regions.ForeignMunicipalities[(int)(n * 31 % regions.ForeignMunicipalities.Count)];
            var client = As(Requests.OfficialOf(local));
            var propose = Requests.Propose(local, foreign, (int)n);
            var id = (await retries.CallAsync(async () => await client.Partnerships.ProposePartnershipAsync(propose, deadline: Deadline(), cancellationToken: ct), ct)).Partnership.Id;
            if (n % ProgrammeEvery == 0)
            {
                var letter = Requests.Document(id, DocumentKind.LetterOfIntent);
                await retries.CallAsync(async () => await client.Partnerships.AttachDocumentAsync(letter, deadline: Deadline(), cancellationToken: ct), ct);
                var advance = Requests.Advance(id, PartnershipStage.LetterOfIntent);
                await retries.CallAsync(async () => await client.Partnerships.AdvanceStageAsync(advance, deadline: Deadline(), cancellationToken: ct), ct);
                var programme = Requests.Program(id, (int)n);
                await retries.CallAsync(async () => await client.JointPrograms.CreateJointProgramAsync(programme, deadline: Deadline(), cancellationToken: ct), ct);
                Interlocked.Increment(ref programmes);
            }
        }

        Log.Line($"  first {firstStep:N0} partnerships with programmes");
        var first = await LoadAsync(firstStep, PartnershipAsync, cancellationToken);
        using var provinceFacilitator = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Facilitator(JawaTengah), channel.Channel);
        using var countryFacilitator = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Facilitator(Country), channel.Channel);
        var smallProvince = await ListAsync(provinceFacilitator, JawaTengah, querySeconds, cancellationToken);
        var smallCountry = await ListAsync(countryFacilitator, Country, querySeconds, cancellationToken);

        Log.Line($"  the other {partnershipCount - firstStep:N0} partnerships with programmes");
        var window = ResourceWindow.Start(stack.Processes);
        var rest = await LoadAsync(partnershipCount - firstStep, (n, ct) => PartnershipAsync(n + firstStep, ct), cancellationToken);
        var loadResources = await window.StopAsync();
        await window.DisposeAsync();

        var loaded = await HostMetrics.AfterFullCollectionAsync(stack.Host.Pid, stack.Host.ManagementAddress, cancellationToken);
        var loadedResident = ProcStat.ResidentBytes(stack.Host.Pid) ?? 0;
        var largeProvince = await ListAsync(provinceFacilitator, JawaTengah, querySeconds, cancellationToken);
        var largeCountry = await ListAsync(countryFacilitator, Country, querySeconds, cancellationToken);

        var partnershipGrains = loaded.ActivationsOf("partnership");
        var programGrains = loaded.ActivationsOf("program");
        var regionGrains = loaded.ActivationsOf("region");
        var grains = partnershipGrains + programGrains + regionGrains - idle.ActivationsOf("partnership") - idle.ActivationsOf("program") - idle.ActivationsOf("region");
        var totalLoad = first.Elapsed + rest.Elapsed;
        var mutations = partnershipCount + (3.0 * programmes);
        static double MutationsOf(long partnerships) => partnerships + (3.0 * ((partnerships + ProgrammeEvery - 1) / ProgrammeEvery));
        recorder.Add(Figure.Of($"load time, {partnershipCount:N0} partnerships and {programmes:N0} programmes", totalLoad.TotalSeconds, "s"));
        recorder.Add(Figure.Of("load rate", mutations / totalLoad.TotalSeconds, "mutations/s", $"first {firstStep:N0}", MutationsOf(firstStep) / first.Elapsed.TotalSeconds));
        recorder.Add(Figure.Of($"load time, {regionCount:N0} region profiles", regionLoad.Elapsed.TotalSeconds, "s"));
        recorder.Add(Figure.Of("Host RSS with every grain active", loadedResident / (1024.0 * 1024), "MiB", "idle Host", idleResident / (1024.0 * 1024)));
        recorder.Add(Figure.Of("Host live GC heap with every grain active", loaded.GcHeapBytes / (1024.0 * 1024), "MiB", "idle Host", idle.GcHeapBytes / (1024.0 * 1024)));
        recorder.Add(Figure.AtMost("memory per active grain (live GC heap growth / grains)", (loaded.GcHeapBytes - idle.GcHeapBytes) / 1024.0 / Math.Max(grains, 1), "KiB", 10));
        recorder.Add(Figure.Of("memory per active grain (RSS growth / grains)", (loadedResident - idleResident) / 1024.0 / Math.Max(grains, 1), "KiB"));
        recorder.Add(Figure.AtMost($"ListPartnerships p99, facilitator {JawaTengah}", largeProvince.Latency.PercentileMs(99), "ms", 50, $"at {firstStep:N0}", smallProvince.Latency.PercentileMs(99)));
        recorder.Add(Figure.Of($"ListPartnerships p50, facilitator {JawaTengah}", largeProvince.Latency.PercentileMs(50), "ms", $"at {firstStep:N0}", smallProvince.Latency.PercentileMs(50)));
        recorder.Add(Figure.AtMost($"ListPartnerships p99, facilitator {Country}", largeCountry.Latency.PercentileMs(99), "ms", 50, $"at {firstStep:N0}", smallCountry.Latency.PercentileMs(99)));
        recorder.Add(Figure.Of($"ListPartnerships p50, facilitator {Country}", largeCountry.Latency.PercentileMs(50), "ms", $"at {firstStep:N0}", smallCountry.Latency.PercentileMs(50)));
        recorder.Resources(loadResources);

        recorder.Check(regionLoad.Failed == 0 && first.Failed == 0 && rest.Failed == 0, $"every load call succeeded ({regionLoad.Done + first.Done + rest.Done:N0} units; failures: {regionLoad.Failed + first.Failed + rest.Failed}{(rest.FirstError is { } e ? ", first: " + e : string.Empty)})");
        recorder.Check(partnershipGrains >= partnershipCount && programGrains >= programmes, $"every partnership grain is active when memory is read: {partnershipGrains:N0} partnership, {programGrains:N0} programme and {regionGrains:N0} region activations (Orleans' orleans_catalog_activations)");
        recorder.Check(largeProvince.FullPages == largeProvince.Calls && largeCountry.FullPages == largeCountry.Calls, $"every list call returned a full page of 50 ({largeProvince.Calls:N0} for {JawaTengah}, {largeCountry.Calls:N0} for {Country})");
        recorder.Note($"Load: {LoadConcurrency} callers over one channel, closed loop; a partnership is ProposePartnership by one of the {municipalities.Count} Indonesian regencies and cities in turn with a Chinese, Korean or Japanese municipality; every {ProgrammeEvery}th then gets its letter of intent (AttachDocument, AdvanceStage) and a joint programme (CreateJointProgram), {mutations:N0} mutations in all. Region profiles: UpdateRegionProfile of {regionCount:N0} regions of the catalogue (Indonesia, China, Korea, Japan).");
        recorder.Note($"Memory per active grain = the Host's growth between idle and loaded divided by the {grains:N0} grains the load activated. The goal is held to the live managed heap: before each reading the benchmark induces a full blocking GC in the Host through its diagnostics port (EventPipe, as heap-dump tools do) and reads the heap size after it from the Host's Prometheus endpoint (Collab:Telemetry:Prometheus=true). RSS growth is shown too; it also holds what the runtime keeps for reuse (Server GC), so it is the upper figure. Grains stay active: Orleans collects idle activations after 15 minutes by default, and the check below counts them.");
        recorder.Note($"List query: ListPartnerships with facilitator_id {JawaTengah} (about {partnershipCount * regions.MunicipalitiesOf(JawaTengah).Count / municipalities.Count:N0} partnerships at full size) and {Country} (all of them), first page of 50, BASIC view, one caller in a closed loop for {querySeconds} s each; baseline: the same after the first {firstStep:N0} partnerships.");
        if (retries.Count > 0)
        {
            recorder.Note($"Load calls retried after UNAVAILABLE (same request, as the API asks): {retries.Count} (last reason: {retries.LastReason}).");
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(60);

    private static async Task<LoadRun> LoadAsync(long count, Func<long, CancellationToken, Task> unit, CancellationToken cancellationToken)
    {
        long next = -1;
        long done = 0;
        long failed = 0;
        string? firstError = null;
        var stopwatch = Stopwatch.StartNew();
        var progress = Math.Max(count / 10, 1);
        var workers = Enumerable.Range(0, LoadConcurrency).Select(_ => Task.Run(
            async () =>
            {
                long n;
                while ((n = Interlocked.Increment(ref next)) < count && !cancellationToken.IsCancellationRequested)
                {
                    try
                    {
                        await unit(n, cancellationToken);
                        if (Interlocked.Increment(ref done) % progress == 0)
                        {
                            Log.Line($"    {Volatile.Read(ref done):N0} of {count:N0} after {stopwatch.Elapsed.TotalSeconds:0} s");
                        }
                    }
                    catch (Grpc.Core.RpcException ex)
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstError, $"{ex.StatusCode}: {ex.Status.Detail}", null);
                    }
                }
            },
            cancellationToken)).ToList();
        await Task.WhenAll(workers);
        return new LoadRun(done, failed, stopwatch.Elapsed, firstError);
    }

    private static async Task<ListRun> ListAsync(ApiClient facilitator, string scope, int seconds, CancellationToken cancellationToken)
    {
        long full = 0;
        var request = new ListPartnershipsRequest { FacilitatorId = scope, PageSize = 50 };
        var run = await ClosedLoop.RunAsync(1, TimeSpan.FromSeconds(seconds), async (_, _, ct) =>
        {
            var response = await facilitator.Partnerships.ListPartnershipsAsync(request, deadline: Deadline(), cancellationToken: ct);
            if (response.Partnerships.Count == 50)
            {
                full++;
            }
        }, cancellationToken);
        Log.Line($"    ListPartnerships {scope}: p50 {run.Latency.PercentileMs(50):0.0} ms, p99 {run.Latency.PercentileMs(99):0.0} ms over {run.Calls} calls");
        return new ListRun(run.Calls, full, run.Latency);
    }

    private sealed record LoadRun(long Done, long Failed, TimeSpan Elapsed, string? FirstError);

    private sealed record ListRun(long Calls, long FullPages, LatencyHistogram Latency);
}
