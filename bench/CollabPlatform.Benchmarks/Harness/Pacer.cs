using System.Diagnostics;
using Grpc.Core;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// Open-loop load at a steady rate: operation <c>i</c> is due at <c>i / rate</c> seconds, whatever
/// the previous ones are doing, with at most a bounded number in flight; bounded in count and time.
/// </summary>
internal static class Pacer
{
    public static async Task<PacedRun> RunAsync(double ratePerSecond, TimeSpan duration, int maxInFlight, Func<long, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var total = (long)Math.Floor(ratePerSecond * duration.TotalSeconds);
        var gate = new SemaphoreSlim(maxInFlight);
        var latency = new LatencyHistogram();
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        var late = 0L;
        var tasks = new List<Task>((int)Math.Min(total, 1_000_000));
        var started = Stopwatch.GetTimestamp();
        for (long i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / ratePerSecond);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            if (!gate.Wait(0, CancellationToken.None))
            {
                late++;
                await gate.WaitAsync(cancellationToken);
            }

            var index = i;
            tasks.Add(Task.Run(
                async () =>
                {
                    var begin = Stopwatch.GetTimestamp();
                    try
                    {
                        await operation(index, cancellationToken);
                        var elapsed = Stopwatch.GetElapsedTime(begin);
                        lock (latency)
                        {
                            latency.Record(elapsed);
                        }
                    }
                    catch (RpcException ex)
                    {
                        lock (errors)
                        {
                            errors[ex.StatusCode.ToString()] = errors.GetValueOrDefault(ex.StatusCode.ToString()) + 1;
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                CancellationToken.None));
        }

        var issuing = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(tasks);
        gate.Dispose();
        return new PacedRun(tasks.Count, issuing, Stopwatch.GetElapsedTime(started), latency, errors, late);
    }
}

/// <summary>What a paced run did: operations issued, over how long, their latency and failures.</summary>
/// <param name="Issued">Operations started.</param>
/// <param name="IssuingTime">From the first to the last start.</param>
/// <param name="TotalTime">Until the last one finished.</param>
/// <param name="Latency">Of the operations that succeeded.</param>
/// <param name="Errors">Failed operations by status code.</param>
/// <param name="Late">Operations that had to wait for a slot because the bound of operations in flight was reached.</param>
internal sealed record PacedRun(long Issued, TimeSpan IssuingTime, TimeSpan TotalTime, LatencyHistogram Latency, IReadOnlyDictionary<string, int> Errors, long Late)
{
    public long Failed => Errors.Values.Sum();

    public double AchievedRate => Issued / Math.Max(IssuingTime.TotalSeconds, 1e-9);
}
