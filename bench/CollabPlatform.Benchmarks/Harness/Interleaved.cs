namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// A target and its baseline measured in alternating slices (baseline, target, baseline, target …)
/// at the same concurrency, so that a change in the machine's load during the run hits both alike.
/// </summary>
internal static class Interleaved
{
    public static async Task<(LoadTotals Target, LoadTotals Baseline)> RunAsync(
        int concurrency,
        int rounds,
        TimeSpan slice,
        Func<int, long, CancellationToken, Task> target,
        Func<int, long, CancellationToken, Task> baseline,
        IReadOnlyList<MonitoredProcess> processes,
        CancellationToken cancellationToken)
    {
        var targetTotals = new LoadTotals();
        var baselineTotals = new LoadTotals();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (call, totals) in new[] { (baseline, baselineTotals), (target, targetTotals) })
            {
                var window = ResourceWindow.Start(processes);
                var run = await ClosedLoop.RunAsync(concurrency, slice, call, cancellationToken);
                totals.Add(run, await window.StopAsync());
                await window.DisposeAsync();
            }
        }

        return (targetTotals, baselineTotals);
    }
}

/// <summary>The sum of several measured slices of one kind of call.</summary>
internal sealed class LoadTotals
{
    private readonly Dictionary<string, double> _cpuSeconds = new(StringComparer.Ordinal);

    public long Calls { get; private set; }

    public double Seconds { get; private set; }

    public LatencyHistogram Latency { get; } = new();

    public double Throughput => Calls / Seconds;

    /// <summary>CPU time of a monitored process per call, in microseconds.</summary>
    public double CpuMicrosPerCall(string process) => _cpuSeconds.GetValueOrDefault(process) * 1e6 / Math.Max(Calls, 1);

    /// <summary>Average cores a monitored process used while these calls ran.</summary>
    public double Cores(string process) => _cpuSeconds.GetValueOrDefault(process) / Math.Max(Seconds, 1e-9);

    public void Add(LoopRun run, IReadOnlyList<ResourceUsage> usage)
    {
        Calls += run.Calls;
        Seconds += run.Elapsed.TotalSeconds;
        Latency.Add(run.Latency);
        foreach (var u in usage)
        {
            _cpuSeconds[u.Name] = _cpuSeconds.GetValueOrDefault(u.Name) + u.CpuSeconds;
        }
    }
}
