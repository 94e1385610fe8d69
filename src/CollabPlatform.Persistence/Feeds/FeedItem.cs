using System.Diagnostics.CodeAnalysis;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Persistence.Feeds;

/// <summary>
/// One message of an agreement feed: a committed event of the watched scope, or a heartbeat sent
/// while idle. Either way <see cref="Cursor"/> is where a reconnecting watcher resumes: every event
/// of the scope up to it has been delivered, none after it.
/// </summary>
public readonly record struct FeedItem
{
    private FeedItem(LedgerCursor cursor, StoredLedgerEvent? @event, DateTimeOffset serverTime)
    {
        Cursor = cursor;
        Event = @event;
        ServerTime = serverTime;
    }

    /// <summary>
    /// The event's own position, or for a heartbeat the position up to which the feed has looked.
    /// A heartbeat's cursor can be past the last event delivered when events of other scopes
    /// followed it.
    /// </summary>
    public LedgerCursor Cursor { get; }

    /// <summary>The event; null for a heartbeat.</summary>
    public StoredLedgerEvent? Event { get; }

    /// <summary>The server's clock when the item was handed to the watcher.</summary>
    public DateTimeOffset ServerTime { get; }

    [MemberNotNullWhen(false, nameof(Event))]
    public bool IsHeartbeat => Event is null;

    public static FeedItem ForEvent(StoredLedgerEvent @event, DateTimeOffset serverTime)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return new FeedItem(@event.Cursor, @event, serverTime);
    }

    public static FeedItem Heartbeat(LedgerCursor cursor, DateTimeOffset serverTime) => new(cursor, null, serverTime);
}
