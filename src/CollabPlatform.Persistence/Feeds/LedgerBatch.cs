using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Persistence.Feeds;

/// <summary>
/// A contiguous run of the ledger's total order as the tailer read it, shared by every
/// subscription: all committed events after the previous batch's <see cref="Through"/> up to this
/// one's, of every scope.
/// </summary>
internal sealed class LedgerBatch(IReadOnlyList<StoredLedgerEvent> events, LedgerCursor through)
{
    public IReadOnlyList<StoredLedgerEvent> Events { get; } = events;

    public LedgerCursor Through { get; } = through;

    public static LedgerBatch Empty(LedgerCursor through) => new([], through);
}
