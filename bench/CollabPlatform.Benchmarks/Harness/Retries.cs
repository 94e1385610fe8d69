using Grpc.Core;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// What the API asks of a client on UNAVAILABLE: retry with backoff, sending the same request (and
/// so the same request_id, which makes a change happen once). Counts the retries for the report.
/// </summary>
internal sealed class Retries
{
    private const int MaxAttempts = 6;

    private long _count;

    /// <summary>Calls retried so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    public string? LastReason { get; private set; }

    public async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _count);
                LastReason = ex.Status.Detail;
                await Task.Delay(delay, cancellationToken);
                delay *= 2;
            }
        }
    }
}
