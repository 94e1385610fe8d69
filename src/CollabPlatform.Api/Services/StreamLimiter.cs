using System.Collections.Concurrent;

namespace CollabPlatform.Api.Services;

/// <summary>
/// Counts the open WatchAgreements streams of each caller on this replica (DESIGN.md §6: limits on
/// open streams per caller), so one client cannot hold every connection of a replica.
/// </summary>
public sealed class StreamLimiter(int maxPerCaller)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int MaxPerCaller => maxPerCaller;

    /// <summary>Takes a slot for <paramref name="actor"/>; false when it already holds the maximum.</summary>
    public bool TryEnter(string actor)
    {
        while (true)
        {
            var current = _open.GetOrAdd(actor, 0);
            if (current >= maxPerCaller)
            {
                return false;
            }

            if (_open.TryUpdate(actor, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Exit(string actor) => _open.AddOrUpdate(actor, 0, (_, current) => Math.Max(0, current - 1));
}
