namespace CollabPlatform.Persistence.Audit;

/// <summary>An audit record whose link in its stream's hash chain does not hold, and why.</summary>
public sealed record AuditChainBreak(long AuditId, string StreamId, long? ChainSeq, string Reason);
