using System.Threading.Channels;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Persistence.Feeds;

/// <summary>
/// One watcher's place in the live fan-out: a bounded buffer of the events of its scope that the
/// tailer published since the watcher joined, and a timer that asks for a heartbeat when idle.
/// Written by the tailer (one thread) and the timer; read by the watcher alone.
/// </summary>
internal sealed class FeedSubscription : IDisposable
{
    // A null item is a heartbeat tick rather than an event: the watcher has nothing else to wake it.
    private readonly Channel<StoredLedgerEvent?> _buffer;
    private readonly FeedHub _hub;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _heartbeatInterval;
    private readonly ITimer _heartbeat;
    private LedgerBatch _through;
    private long _lastActivity;
    private int _tickPending;
    private volatile bool _lagging;
    private volatile bool _closed;
    private volatile bool _disposed;

    public FeedSubscription(FeedHub hub, string? jurisdiction, LedgerBatch head, int capacity, TimeSpan heartbeatInterval, TimeProvider timeProvider)
    {
        _hub = hub;
        Jurisdiction = jurisdiction;
        JoinedAt = head.Through;
        _through = head;
        _timeProvider = timeProvider;
        _heartbeatInterval = heartbeatInterval;
        _buffer = Channel.CreateBounded<StoredLedgerEvent?>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _lastActivity = timeProvider.GetTimestamp();
        _heartbeat = timeProvider.CreateTimer(_ => OnHeartbeatTimer(), null, heartbeatInterval, Timeout.InfiniteTimeSpan);
    }

    public string? Jurisdiction { get; }

    /// <summary>The tailer's head when this subscription joined; every later batch reaches it.</summary>
    public LedgerCursor JoinedAt { get; }

    public ChannelReader<StoredLedgerEvent?> Reader => _buffer.Reader;

    /// <summary>Fell behind: the buffer was full, so the tailer stopped feeding it.</summary>
    public bool IsLagging => _lagging;

    /// <summary>The process's feeds shut down.</summary>
    public bool IsClosed => _closed;

    /// <summary>
    /// The end of the last batch whose events of this scope are all in the buffer (or already
    /// read). Read it before checking that the buffer is empty: then every event of the scope up
    /// to it has reached the watcher.
    /// </summary>
    public LedgerCursor ScannedThrough => Volatile.Read(ref _through).Through;

    /// <summary>Whether an idle heartbeat is due, counted from the watcher's last delivery.</summary>
    public bool HeartbeatDue => _timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= _heartbeatInterval;

    /// <summary>The same test as the ledger's <c>jurisdictions @&gt; ARRAY[scope]</c>, without allocating: it runs per event per watcher.</summary>
    public bool Matches(StoredLedgerEvent @event)
    {
        if (Jurisdiction is null)
        {
            return true;
        }

        var jurisdictions = @event.Jurisdictions;
        for (var i = 0; i < jurisdictions.Count; i++)
        {
            if (string.Equals(jurisdictions[i], Jurisdiction, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Buffers the batch's events of this scope. Returns false, and stops accepting anything,
    /// when the buffer is full: the watcher then reads the rest from the ledger itself.
    /// </summary>
    public bool Offer(LedgerBatch batch)
    {
        if (_lagging || _closed)
        {
            return false;
        }

        foreach (var @event in batch.Events)
        {
            if (!Matches(@event))
            {
                continue;
            }

            if (!_buffer.Writer.TryWrite(@event))
            {
                // What is buffered stays valid (a gap-free run of the scope) and is read first;
                // completing the writer is what tells the watcher to go back to the ledger.
                _lagging = true;
                _buffer.Writer.TryComplete();
                return false;
            }

            _hub.ObserveBuffered(_buffer.Reader.Count);
        }

        Volatile.Write(ref _through, batch);
        return true;
    }

    /// <summary>The watcher delivered something; the heartbeat clock restarts.</summary>
    public void MarkActive() => Volatile.Write(ref _lastActivity, _timeProvider.GetTimestamp());

    /// <summary>The watcher took a heartbeat tick out of the buffer.</summary>
    public void TickConsumed() => Volatile.Write(ref _tickPending, 0);

    public void Close()
    {
        _closed = true;
        _buffer.Writer.TryComplete();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _heartbeat.Dispose();
        _hub.Leave(this);
        _buffer.Writer.TryComplete();
    }

    private void OnHeartbeatTimer()
    {
        if (_disposed)
        {
            return;
        }

        var idle = _timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity));
        var next = _heartbeatInterval - idle;
        if (next <= TimeSpan.Zero)
        {
            // One tick at a time: a watcher that is not reading must not fill its buffer with them.
            if (Interlocked.Exchange(ref _tickPending, 1) == 0 && !_buffer.Writer.TryWrite(null))
            {
                Volatile.Write(ref _tickPending, 0);
            }

            next = _heartbeatInterval;
        }

        try
        {
            _heartbeat.Change(next, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check above and here: the watcher has left.
        }
    }
}
