using System.Runtime.CompilerServices;
using CollabPlatform.Persistence.Ledger;
using CollabPlatform.Persistence.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Persistence.Feeds;

/// <summary>
/// The agreement feeds of one process (DESIGN.md §4 "Feeds"). Each watcher catches up from the
/// ledger after its cursor with its own queries, then joins the live fan-out of the process's one
/// <see cref="LedgerTailer"/>, so live delivery costs no query per watcher.
/// </summary>
/// <remarks>
/// Exactly once across the switch: a watcher joins (and from then on receives every batch the
/// tailer publishes) before its last catch-up query. That query sees every event up to the
/// tailer's head at joining, because the ledger only shows a transaction once every older one has
/// finished; whatever else the query returned comes again live and is skipped, because the live
/// run is in ledger order and only events after the last delivered cursor pass.
/// </remarks>
public sealed class FeedHub
{
    private readonly IEventLedger _ledger;
    private readonly FeedOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FeedHub> _logger;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FeedSubscription[] _subscriptions = [];
    private LedgerBatch? _head;
    private bool _closed;
    private long _lagCount;
    private int _peakBuffered;

    public FeedHub(IEventLedger ledger, IOptions<FeedOptions> options, TimeProvider timeProvider, ILogger<FeedHub> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ledger = ledger;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The last position the tailer has published; null until it has started.</summary>
    public LedgerCursor? Head
    {
        get
        {
            lock (_gate)
            {
                return _head?.Through;
            }
        }
    }

    /// <summary>Watchers currently served from the live fan-out.</summary>
    public int LiveSubscriptions => Volatile.Read(ref _subscriptions).Length;

    /// <summary>How many times a watcher's buffer was full and it went back to reading the ledger.</summary>
    public long LagCount => Interlocked.Read(ref _lagCount);

    /// <summary>The most items any one watcher has had buffered; never more than the channel capacity.</summary>
    public int PeakBuffered => Volatile.Read(ref _peakBuffered);

    /// <summary>
    /// The events of <paramref name="jurisdiction"/> (every event when null) committed after
    /// <paramref name="after"/>, in ledger order, each exactly once; then new ones as they commit,
    /// with a heartbeat whenever the feed was idle for <see cref="FeedOptions.HeartbeatInterval"/>.
    /// Never ends on its own: it stops when <paramref name="cancellationToken"/> is cancelled, and
    /// throws <see cref="FeedUnavailableException"/> when the process's feeds shut down.
    /// </summary>
    public async IAsyncEnumerable<FeedItem> SubscribeAsync(
        string? jurisdiction,
        LedgerCursor after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CollabTelemetry.FeedWatchers.Add(1);
        try
        {
            var position = after;
            while (true)
            {
                // Catch up before joining: a watcher far behind would only overflow a live buffer meanwhile.
                await foreach (var @event in CatchUpAsync(jurisdiction, position, cancellationToken))
                {
                    position = @event.Cursor;
                    yield return FeedItem.ForEvent(@event, _timeProvider.GetUtcNow());
                }

                using var subscription = await JoinAsync(jurisdiction, cancellationToken);
                await foreach (var @event in CatchUpAsync(jurisdiction, position, cancellationToken))
                {
                    position = @event.Cursor;
                    yield return FeedItem.ForEvent(@event, _timeProvider.GetUtcNow());
                }

                // The last query covered the head at joining, so nothing of the scope lies between.
                position = Max(position, subscription.JoinedAt);
                subscription.MarkActive();

                var reader = subscription.Reader;
                do
                {
                    while (reader.TryRead(out var @event))
                    {
                        if (@event is null)
                        {
                            subscription.TickConsumed();
                            var scanned = subscription.ScannedThrough;
                            if (!subscription.HeartbeatDue || reader.TryPeek(out _))
                            {
                                continue;
                            }

                            // Read before the emptiness check: every event of the scope up to it was
                            // buffered before it was published, and the buffer is now empty.
                            position = Max(position, scanned);
                            subscription.MarkActive();
                            yield return FeedItem.Heartbeat(position, _timeProvider.GetUtcNow());
                            continue;
                        }

                        // Already delivered by the catch-up query that ran after joining.
                        if (@event.Cursor <= position)
                        {
                            continue;
                        }

                        position = @event.Cursor;
                        subscription.MarkActive();
                        var now = _timeProvider.GetUtcNow();
                        CollabTelemetry.FeedLag.Record((now - @event.OccurredAt).TotalMilliseconds);
                        yield return FeedItem.ForEvent(@event, now);
                    }
                }
                while (await reader.WaitToReadAsync(cancellationToken));

                if (subscription.IsClosed || !subscription.IsLagging)
                {
                    throw new FeedUnavailableException("The agreement feeds of this server shut down; reconnect with the last cursor received.");
                }

                _logger.SubscriptionLagging(jurisdiction ?? "*", _options.ChannelCapacity, position);
            }
        }
        finally
        {
            CollabTelemetry.FeedWatchers.Add(-1);
        }
    }

    /// <summary>Called once by the tailer with the position it starts from.</summary>
    internal void Open(LedgerCursor head)
    {
        lock (_gate)
        {
            if (_head is not null || _closed)
            {
                throw new InvalidOperationException("The feed hub was already started; it serves one tailer once.");
            }

            _head = LedgerBatch.Empty(head);
        }

        _opened.TrySetResult();
    }

    /// <summary>Hands the next run of the ledger, in order and without gaps, to every live watcher.</summary>
    internal void Publish(IReadOnlyList<StoredLedgerEvent> events)
    {
        var batch = new LedgerBatch(events, events[^1].Cursor);
        FeedSubscription[] subscriptions;
        lock (_gate)
        {
            if (_head is null || batch.Through <= _head.Through)
            {
                throw new InvalidOperationException($"A batch through {batch.Through} cannot follow {_head?.Through.ToString() ?? "an unopened hub"}.");
            }

            _head = batch;
            subscriptions = _subscriptions;
        }

        // Outside the lock: offering never blocks, and a watcher joining meanwhile saw this batch's
        // end as its head, so it neither needs nor gets the batch.
        foreach (var subscription in subscriptions)
        {
            if (!subscription.Offer(batch))
            {
                Leave(subscription);
                Interlocked.Increment(ref _lagCount);
            }
        }

        _logger.Published(events.Count, batch.Through, subscriptions.Length);
    }

    /// <summary>Ends every live feed with <see cref="FeedUnavailableException"/>; called when the tailer stops.</summary>
    internal int Close()
    {
        FeedSubscription[] subscriptions;
        lock (_gate)
        {
            _closed = true;
            subscriptions = _subscriptions;
            _subscriptions = [];
        }

        _opened.TrySetException(new FeedUnavailableException("The agreement feeds of this server stopped before they started."));
        foreach (var subscription in subscriptions)
        {
            subscription.Close();
        }

        return subscriptions.Length;
    }

    internal void Leave(FeedSubscription subscription)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscriptions, subscription);
            if (index >= 0)
            {
                _subscriptions = [.. _subscriptions.AsSpan(0, index), .. _subscriptions.AsSpan(index + 1)];
            }
        }
    }

    internal void ObserveBuffered(int count)
    {
        var peak = Volatile.Read(ref _peakBuffered);
        while (count > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakBuffered, count, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    private async Task<FeedSubscription> JoinAsync(string? jurisdiction, CancellationToken cancellationToken)
    {
        await _opened.Task.WaitAsync(cancellationToken);
        lock (_gate)
        {
            if (_closed || _head is null)
            {
                throw new FeedUnavailableException("The agreement feeds of this server shut down; reconnect with the last cursor received.");
            }

            var subscription = new FeedSubscription(this, jurisdiction, _head, _options.ChannelCapacity, _options.HeartbeatInterval, _timeProvider);
            _subscriptions = [.. _subscriptions, subscription];
            return subscription;
        }
    }

    /// <summary>Reads the scope's committed events after the position until a query returns a short page.</summary>
    private async IAsyncEnumerable<StoredLedgerEvent> CatchUpAsync(
        string? jurisdiction,
        LedgerCursor after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batchSize = _options.CatchUpBatchSize;
        while (true)
        {
            var page = await _ledger.ReadAllAsync(after, jurisdiction, batchSize, cancellationToken);
            foreach (var @event in page)
            {
                yield return @event;
            }

            if (page.Count < batchSize)
            {
                yield break;
            }

            after = page[^1].Cursor;
        }
    }

    private static LedgerCursor Max(LedgerCursor left, LedgerCursor right) => left >= right ? left : right;
}
