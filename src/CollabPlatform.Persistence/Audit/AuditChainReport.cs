namespace CollabPlatform.Persistence.Audit;

/// <summary>What <see cref="AuditChainVerifier"/> found: how much it checked and the first (lowest id) broken record, if any.</summary>
public sealed record AuditChainReport(long Records, long Streams, long BrokenRecords, AuditChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}
