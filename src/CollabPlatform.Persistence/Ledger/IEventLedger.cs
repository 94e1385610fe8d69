namespace CollabPlatform.Persistence.Ledger;

/// <summary>The append-only ledger of accepted changes, the truth behind state and feeds.</summary>
public interface IEventLedger
{
    /// <summary>
    /// Commits the events and their read-model row in one transaction. Returns when the commit is
    /// durable. Throws <see cref="LedgerConflictException"/> when the stream moved on.
    /// </summary>
    Task<LedgerCursor> AppendAsync(LedgerAppend append, CancellationToken cancellationToken);

    /// <summary>Every event of one stream, oldest first.</summary>
    Task<IReadOnlyList<StoredLedgerEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="maxCount"/> committed events after <paramref name="after"/> in ledger
    /// order, optionally only those a jurisdiction may see. Never returns an event while an older
    /// transaction that could still commit before it is open.
    /// </summary>
    Task<IReadOnlyList<StoredLedgerEvent>> ReadAllAsync(LedgerCursor after, string? jurisdiction, int maxCount, CancellationToken cancellationToken);
}
