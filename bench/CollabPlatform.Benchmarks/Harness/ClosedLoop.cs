using System.Diagnostics;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// Closed-loop load: a fixed number of workers, each calling again as soon as its previous call
/// returned, for a fixed time (and never more than a fixed number of calls).
/// </summary>
internal static class ClosedLoop
{
    public static async Task<LoopRun> RunAsync(int concurrency, TimeSpan duration, Func<int, long, CancellationToken, Task> call, CancellationToken cancellationToken, long maxCalls = 10_000_000)
    {
        var histograms = new LatencyHistogram[concurrency];
        var counts = new long[concurrency];
        long issued = 0;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(
            async () =>
            {
                var histogram = histograms[worker] = new LatencyHistogram();
                while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref issued);
                    if (n > maxCalls)
                    {
                        break;
                    }

                    var begin = Stopwatch.GetTimestamp();
                    await call(worker, n, cancellationToken);
                    histogram.Record(Stopwatch.GetElapsedTime(begin));
                    counts[worker]++;
                }
            },
            cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var latency = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            latency.Add(histogram);
        }

        return new LoopRun(counts.Sum(), elapsed, latency);
    }
}

/// <summary>Calls completed, over how long, and their latencies.</summary>
internal sealed record LoopRun(long Calls, TimeSpan Elapsed, LatencyHistogram Latency)
{
    public double Throughput => Calls / Elapsed.TotalSeconds;
}
