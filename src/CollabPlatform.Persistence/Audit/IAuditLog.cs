namespace CollabPlatform.Persistence.Audit;

/// <summary>The append-only audit log. Ledger-backed changes write their record inside the ledger append instead.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Stores records of changes that were committed elsewhere (the region grain's outbox). A record
    /// already stored (same stream and version) is skipped, so a retry after a failure is harmless.
    /// </summary>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);
}
