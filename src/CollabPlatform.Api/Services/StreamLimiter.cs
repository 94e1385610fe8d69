using System.Collections.Concurrent;
using CollabPlatform.Api.Errors;

namespace CollabPlatform.Api.Services;

/// <summary>
/// The limits on WatchAgreements streams of this replica (DESIGN.md §6): how many each caller and
/// all callers together may hold open, so that no client can hold more of a replica than it can
/// serve, and how long one stream may stay open before its client must reconnect.
/// </summary>
public sealed class StreamLimiter(int maxPerCaller, int maxTotal = int.MaxValue, TimeSpan? maxLifetime = null)
{
    /// <summary>How long a stream stays open by default.</summary>
    public static readonly TimeSpan DefaultMaxLifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private int _total;

    public int MaxPerCaller => maxPerCaller;

    public int MaxTotal => maxTotal;

    /// <summary>How long one stream stays open before it ends with UNAVAILABLE (STREAM_LIFETIME).</summary>
    public TimeSpan MaxLifetime { get; } = maxLifetime ?? DefaultMaxLifetime;

    /// <summary>Streams open now, from all callers.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Takes a slot for <paramref name="actor"/>; null when taken, else the RESOURCE_EXHAUSTED to answer.</summary>
    public Grpc.Core.RpcException? Enter(string actor)
    {
        if (Interlocked.Increment(ref _total) > maxTotal)
        {
            Interlocked.Decrement(ref _total);
            return RpcErrors.ServerStreamsExhausted(maxTotal);
        }

        while (true)
        {
            var current = _open.GetOrAdd(actor, 0);
            if (current >= maxPerCaller)
            {
                Interlocked.Decrement(ref _total);
                return RpcErrors.TooManyStreams(actor, maxPerCaller);
            }

            if (_open.TryUpdate(actor, current + 1, current))
            {
                return null;
            }
        }
    }

    public void Exit(string actor)
    {
        var released = false;
        _open.AddOrUpdate(actor, 0, (_, current) =>
        {
            released = current > 0;
            return Math.Max(0, current - 1);
        });
        if (released)
        {
            Interlocked.Decrement(ref _total);
        }
    }
}
