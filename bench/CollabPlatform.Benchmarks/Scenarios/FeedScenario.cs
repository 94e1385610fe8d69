using System.Collections.Concurrent;
using System.Diagnostics;
using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Benchmarks.Workload;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>
/// Feed latency: many facilitators watch agreement feeds over loopback
/// while partnerships change at a steady rate. Reports the delay from each event's occurred_at to
/// its arrival at every watcher, the Host's CPU and memory, and checks that every watcher got
/// exactly the events of its scope, once each, in ledger order.
/// </summary>
internal sealed class FeedScenario : IScenario
{
    private const string Country = "MINISTRY-ID";
    private const string JawaTengah = "ID-33";

    // Provinces besides Jawa Tengah whose regencies and cities write, each watched by its own facilitators.
    private static readonly string[] OtherProvinces = ["ID-32", "ID-35", "ID-16", "ID-51", "ID-34", "ID-73"];

    public string Name => "feed";

    public string Title => "Feed latency: 1,000 watchers at 200 events/s";

    public async Task RunAsync(BenchOptions options, ScenarioRecorder recorder, CancellationToken cancellationToken)
    {
        var watcherCount = options.Size(1000, 100);
        var rate = options.Size(200.0, 50.0);
        var baselineSeconds = options.Size(20, 5);
        var measureSeconds = options.Size(60, 10);
        var poolSize = options.Size(400, 60);
        var regions = new RegionPool();
        var jawaTengah = regions.MunicipalitiesOf(JawaTengah);
        var otherMunicipalities = OtherProvinces.ToDictionary(p => p, regions.MunicipalitiesOf, StringComparer.Ordinal);
        var watchedMunicipalities = jawaTengah.Take(10).ToArray();

        await using var stack = await BenchStack.StartAsync("feed", null, options, cancellationToken);
        await using var truth = new LedgerTruth(stack.Database.ConnectionString);
        using var writerChannel = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Admin);
        var writers = new ConcurrentDictionary<string, ApiClient>(StringComparer.Ordinal);
        var retries = new Retries();
        ApiClient WriterFor(string region) =>
            writers.GetOrAdd(region, r => ApiClient.Connect(stack.Host.GrpcAddress, Requests.OfficialOf(r), writerChannel.Channel));

        // Six of every ten partnerships are in Jawa Tengah (every regency and city in turn), the
        // other four in the six other provinces in turn.
        string LocalFor(int n)
        {
            if (n % 10 < 6)
            {
                return jawaTengah[n % jawaTengah.Count];
            }

            var k = (n / 10 * 4) + (n % 10) - 6;
            var province = otherMunicipalities[OtherProvinces[k % OtherProvinces.Length]];
            return province[k / OtherProvinces.Length % province.Count];
        }

        string ForeignFor(int n) => regions.ForeignMunicipalities[(n * 37) % regions.ForeignMunicipalities.Count];

        Log.Line($"  creating {poolSize} partnerships");
        var pool = new (string Id, string Local)[poolSize];
        await Parallel.ForAsync(0, poolSize, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (n, ct) =>
        {
            var local = LocalFor(n);
            var request = Requests.Propose(local, ForeignFor(n), n);
            var response = await retries.CallAsync(async () => await WriterFor(local).Partnerships.ProposePartnershipAsync(request, deadline: Deadline(), cancellationToken: ct), ct);
            pool[n] = (response.Partnership.Id, local);
        });

        var meetings = 0;
        var proposals = poolSize;
        async Task WriteAsync(long i, CancellationToken ct)
        {
            // One in ten writes proposes a new partnership; the others record a meeting on one of the pool.
            if (i % 10 == 9)
            {
                var n = Interlocked.Increment(ref proposals);
                var local = LocalFor(n);
                var request = Requests.Propose(local, ForeignFor(n), n);
                await retries.CallAsync(async () => await WriterFor(local).Partnerships.ProposePartnershipAsync(request, deadline: Deadline(), cancellationToken: ct), ct);
            }
            else
            {
                var target = pool[i % poolSize];
                var request = Requests.Meeting(target.Id, Interlocked.Increment(ref meetings));
                await retries.CallAsync(async () => await WriterFor(target.Local).Partnerships.RecordMeetingAsync(request, deadline: Deadline(), cancellationToken: ct), ct);
            }
        }

        // Baseline: one watcher of the whole country, the same write rate, the same Host.
        Log.Line($"  baseline: 1 watcher, {rate} writes/s for {baselineSeconds} s");
        var baseline = await MeasureAsync(stack, truth, [Country], rate, TimeSpan.FromSeconds(baselineSeconds), WriteAsync, warmUp: pool.Take(1), WriterFor, retries, cancellationToken);

        var scopes = Enumerable.Range(0, watcherCount).Select(i => (i % 10) switch
        {
            0 or 1 => Country,
            2 or 3 or 4 => JawaTengah,
            5 or 6 or 7 => OtherProvinces[i / 10 % OtherProvinces.Length],
            _ => watchedMunicipalities[i / 10 % watchedMunicipalities.Length],
        }).ToList();

        // Warm-up: one write in every watched province and municipality, so every watcher sees one.
        var warmUp = OtherProvinces.Select(p => pool.First(x => otherMunicipalities[p].Contains(x.Local)))
            .Concat(watchedMunicipalities.Select(m => pool.First(x => x.Local == m)));
        Log.Line($"  {watcherCount} watchers, {rate} writes/s for {measureSeconds} s");
        FeedPhase main;
        try
        {
            main = await MeasureAsync(stack, truth, scopes, rate, TimeSpan.FromSeconds(measureSeconds), WriteAsync, warmUp, WriterFor, retries, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Line($"  the Host's last lines:\n{stack.Host.Tail(40)}");
            throw;
        }

        foreach (var writer in writers.Values)
        {
            writer.Dispose();
        }

        var host = main.Resources.First(u => u.Name == "host");
        var hostBaseline = baseline.Resources.First(u => u.Name == "host");
        recorder.Add(Figure.Of("delivery latency p50", main.Latency.PercentileMs(50), "ms", "1 watcher", baseline.Latency.PercentileMs(50)));
        recorder.Add(Figure.AtMost($"delivery latency p99 ({watcherCount:N0} watchers, {rate:0} events/s)", main.Latency.PercentileMs(99), "ms", 100, "1 watcher", baseline.Latency.PercentileMs(99)));
        recorder.Add(Figure.Of("delivery latency p99.9", main.Latency.PercentileMs(99.9), "ms", "1 watcher", baseline.Latency.PercentileMs(99.9)));
        recorder.Add(Figure.Of("delivery latency max", main.Latency.MaxMicros / 1000.0, "ms", "1 watcher", baseline.Latency.MaxMicros / 1000.0));
        recorder.Add(Figure.Of("events written", main.Writes.AchievedRate, "events/s", "target", rate));
        recorder.Add(Figure.Of("deliveries", main.Latency.Count / main.Window.TotalSeconds, "events/s", "1 watcher", baseline.Latency.Count / baseline.Window.TotalSeconds));
        recorder.Add(Figure.Of("write acknowledged p50", main.Writes.Latency.PercentileMs(50), "ms", "1 watcher", baseline.Writes.Latency.PercentileMs(50)));
        recorder.Add(Figure.Of("write acknowledged p99", main.Writes.Latency.PercentileMs(99), "ms", "1 watcher", baseline.Writes.Latency.PercentileMs(99)));
        recorder.Add(Figure.Of("Host CPU", host.Cores, "cores", "1 watcher", hostBaseline.Cores));
        recorder.Add(Figure.Of("Host peak RSS", host.PeakResidentBytes / (1024.0 * 1024), "MiB", "1 watcher", hostBaseline.PeakResidentBytes / (1024.0 * 1024)));
        recorder.Resources(main.Resources);

        foreach (var phase in new[] { baseline, main })
        {
            recorder.Check(phase.Writes.Failed == 0, $"{phase.Watchers} watcher(s): {phase.Writes.Issued:N0} writes, {phase.Writes.Failed} failed ({string.Join(", ", phase.Writes.Errors.Select(e => $"{e.Key} {e.Value}"))})");
            recorder.Check(phase.Failures.Count == 0, $"{phase.Watchers} watcher(s): no stream failed other than with UNAVAILABLE{(phase.Failures.Count > 0 ? ": " + phase.Failures[0] : string.Empty)}");
            if (phase.Reconnects > 0)
            {
                recorder.Note($"{phase.Watchers} watcher(s): {phase.Reconnects} stream(s) ended with UNAVAILABLE and were resumed from their last cursor, as the contract asks of clients (last reason: {phase.ReconnectReason}).");
            }

            recorder.Check(phase.Wrong.Count == 0, $"{phase.Watchers} watcher(s): each received exactly the events of its scope committed during the phase, once each, in ledger order ({phase.Delivered:N0} deliveries of {phase.Events:N0} events){(phase.Wrong.Count > 0 ? "; wrong: " + string.Join("; ", phase.Wrong.Take(5)) : string.Empty)}");
        }

        if (retries.Count > 0)
        {
            recorder.Note($"Writes retried after UNAVAILABLE (same request, as the API asks): {retries.Count} (last reason: {retries.LastReason}).");
        }

        recorder.Note($"Latency = the watcher's receive time − the event's occurred_at. occurred_at is stamped by the Host when the grain decides, just before the transaction that commits the event, so each figure is commit→delivery plus the commit itself (a little above what a facilitator sees); write acknowledged is the writer's own round trip for comparison. Host and client read the same clock (loopback).");
        recorder.Note($"Watchers: {watcherCount:N0}, each its own caller identity (so the default {10}-stream limit per caller, Collab:Api:MaxStreamsPerCaller, is kept), on one shared gRPC channel that opens another HTTP/2 connection whenever Kestrel's 100 streams per connection are in use: {main.Connections} connections to the Host while watching.");
        recorder.Note($"Scopes: 20 % {Country} (the whole country), 30 % {JawaTengah} Jawa Tengah, 30 % spread over {string.Join(", ", OtherProvinces)}, 20 % over 10 municipalities of Jawa Tengah ({string.Join(", ", watchedMunicipalities)}); every event reaches {main.Delivered / (double)Math.Max(main.Events, 1):0} watchers on average.");
        recorder.Note($"Writes: a steady {rate:0}/s for {measureSeconds} s (open loop, at most 64 in flight), 9 in 10 RecordMeeting on a pool of {poolSize} partnerships (6 in 10 in Jawa Tengah), 1 in 10 ProposePartnership; each write is one event.");
        recorder.Note($"Baseline: the same writes for {baselineSeconds} s with a single watcher of {Country}, on the same Host just before: the cost of the feed pipeline itself (commit, NOTIFY, tailer, one delivery), so the ratio is what the fan-out to {watcherCount:N0} adds.");
        recorder.Note($"Resources are over the measured window with {watcherCount:N0} watchers, including the drain of the last deliveries; the load generator (client) shares the 2 cores with the Host and PostgreSQL.");
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

    private static async Task<FeedPhase> MeasureAsync(
        BenchStack stack,
        LedgerTruth truth,
        List<string> scopes,
        double rate,
        TimeSpan duration,
        Func<long, CancellationToken, Task> write,
        IEnumerable<(string Id, string Local)> warmUp,
        Func<string, ApiClient> writerFor,
        Retries retries,
        CancellationToken cancellationToken)
    {
        var start = await truth.HeadAsync(cancellationToken);
        var gate = new MeasureGate();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var channel = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Admin);
        var clients = new List<ApiClient>();
        var watchers = new List<FeedWatcher>();
        for (var i = 0; i < scopes.Count; i++)
        {
            var client = ApiClient.Connect(stack.Host.GrpcAddress, BenchIdentity.Facilitator(scopes[i], $"facilitator-{i:D4}"), channel.Channel);
            clients.Add(client);
            var watcher = new FeedWatcher(client, scopes[i], start, gate);
            watcher.Start(watching.Token);
            watchers.Add(watcher);

            // Dashboards connect over time, not in one instant: about 100 a second.
            if (i % 20 == 19)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }

        var n = 0;
        foreach (var (id, local) in warmUp)
        {
            // A generous deadline: the Host may still be busy with the watchers' catch-up queries.
            var request = Requests.Meeting(id, 1_000_000 + n++);
            await retries.CallAsync(async () => await writerFor(local).Partnerships.RecordMeetingAsync(request, deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: cancellationToken), cancellationToken);
        }

        await WaitUntilAsync(() => watchers.All(w => w.Events > 0 || w.Failure is not null), TimeSpan.FromSeconds(180), "every watcher received its warm-up event");
        var connections = TcpConnections.To(stack.Host.GrpcAddress.Port);

        var window = ResourceWindow.Start(stack.Processes);
        var began = Stopwatch.GetTimestamp();
        gate.Open = true;
        var writes = await Pacer.RunAsync(rate, duration, 64, write, cancellationToken);

        // Every watcher must reach the count the ledger says its scope has; a missing event shows as a timeout here.
        var expected = await truth.ExpectedAsync(scopes.Distinct(), start, cancellationToken);
        var drained = await TryWaitUntilAsync(() => watchers.All(w => w.Events >= expected[w.Scope].Count || w.Failure is not null), TimeSpan.FromSeconds(60));
        gate.Open = false;
        var elapsed = Stopwatch.GetElapsedTime(began);
        var resources = await window.StopAsync();
        await window.DisposeAsync();

        // Anything still arriving would be a duplicate: give it a moment before the counts are compared.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        await watching.CancelAsync();
        await Task.WhenAll(watchers.Select(w => w.Completion));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        var latency = new LatencyHistogram();
        var wrong = new List<string>();
        foreach (var w in watchers)
        {
            latency.Add(w.Latency);
            var (count, fingerprint) = expected[w.Scope];
            if (w.Events != count || w.Fingerprint != fingerprint || w.OutOfOrder != 0)
            {
                wrong.Add($"a watcher of {w.Scope} got {w.Events} events ({w.OutOfOrder} out of order, fingerprint {(w.Fingerprint == fingerprint ? "equal" : "different")}), the ledger has {count}");
            }
        }

        if (!drained)
        {
            wrong.Insert(0, "not every watcher received its events within 60 s of the last write");
        }

        var failures = watchers.Where(w => w.Failure is not null).Select(w => $"{w.Scope}: {w.Failure!.Message}").ToList();
        var events = await CountEventsAsync(truth, start, cancellationToken);
        var reconnects = watchers.Sum(w => w.Reconnects);
        var reason = watchers.Select(w => w.LastReconnectReason).FirstOrDefault(r => r is not null);
        return new FeedPhase(scopes.Count, writes, latency, resources, elapsed, watchers.Sum(w => w.Events), events, wrong, failures, connections, reconnects, reason);
    }

    private static async Task<long> CountEventsAsync(LedgerTruth truth, FeedCursor start, CancellationToken cancellationToken) =>
        (await truth.ExpectedAsync(["MINISTRY-ID"], start, cancellationToken))["MINISTRY-ID"].Count;

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within, string what)
    {
        if (!await TryWaitUntilAsync(condition, within))
        {
            throw new TimeoutException($"not within {within}: {what}");
        }
    }

    private static async Task<bool> TryWaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private sealed record FeedPhase(
        int Watchers,
        PacedRun Writes,
        LatencyHistogram Latency,
        IReadOnlyList<ResourceUsage> Resources,
        TimeSpan Window,
        long Delivered,
        long Events,
        IReadOnlyList<string> Wrong,
        IReadOnlyList<string> Failures,
        int Connections,
        int Reconnects,
        string? ReconnectReason);
}
