using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Persistence.Tests.Feeds;

/// <summary>
/// A watcher in a test: reads a feed one item at a time, each wait bounded and failing with the
/// phase it was in. Not reading is how a test plays a slow consumer.
/// </summary>
public sealed class FeedReader : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<FeedItem> _items;
    private readonly string _name;
    private Task<bool>? _pending;

    public FeedReader(FeedHub hub, string? scope, LedgerCursor after)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _name = $"watcher of {scope ?? "every scope"} after {after}";
        _items = hub.SubscribeAsync(scope, after, _stop.Token).GetAsyncEnumerator(_stop.Token);
    }

    /// <summary>Asks for the next item without waiting for it.</summary>
    public Task<FeedItem> NextAsync(string phase) => NextAsync(phase, Patience);

    public async Task<FeedItem> NextAsync(string phase, TimeSpan timeout)
    {
        _pending ??= _items.MoveNextAsync().AsTask();
        var pending = _pending;
        bool more;
        try
        {
            more = await pending.WaitAsync(timeout);
        }
        catch (TimeoutException) when (!pending.IsCompleted)
        {
            // Still pending: the next call (or DisposeAsync) waits for the same move.
            throw new TimeoutException($"{phase}: the {_name} received nothing within {timeout}.");
        }
        finally
        {
            if (pending.IsCompleted)
            {
                _pending = null;
            }
        }

        return more ? _items.Current : throw new InvalidOperationException($"{phase}: the feed of the {_name} ended.");
    }

    /// <summary>The next event, passing over heartbeats, within <see cref="Patience"/> in all.</summary>
    public async Task<StoredLedgerEvent> NextEventAsync(string phase)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(Patience.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var left = TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), deadline);
            FeedItem item;
            try
            {
                item = await NextAsync(phase, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            catch (TimeoutException exception)
            {
                throw new TimeoutException($"{phase}: the {_name} received no event within {Patience}.", exception);
            }

            if (!item.IsHeartbeat)
            {
                return item.Event;
            }
        }
    }

    /// <summary>The next heartbeat, failing if an event comes first.</summary>
    public async Task<FeedItem> NextHeartbeatAsync(string phase)
    {
        var item = await NextAsync(phase);
        return item.IsHeartbeat ? item : throw new InvalidOperationException($"{phase}: the {_name} got event {item.Cursor} ({item.Event.StreamId} v{item.Event.StreamVersion}) where a heartbeat was expected.");
    }

    public async Task<List<StoredLedgerEvent>> TakeEventsAsync(int count, string phase)
    {
        var events = new List<StoredLedgerEvent>(count);
        while (events.Count < count)
        {
            events.Add(await NextEventAsync($"{phase} (event {events.Count + 1} of {count})"));
        }

        return events;
    }

    /// <summary>Events up to and including the first one of <paramref name="streamId"/>.</summary>
    public async Task<List<StoredLedgerEvent>> TakeEventsThroughAsync(string streamId, string phase)
    {
        var events = new List<StoredLedgerEvent>();
        while (true)
        {
            var @event = await NextEventAsync($"{phase} (after {events.Count} events, waiting for {streamId})");
            events.Add(@event);
            if (@event.StreamId == streamId)
            {
                return events;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pending is not null)
        {
            try
            {
                await _pending;
            }
            catch (OperationCanceledException)
            {
                // Stopped while waiting, as asked.
            }
        }

        await _items.DisposeAsync();
        _stop.Dispose();
    }
}
