namespace CollabPlatform.Persistence.Audit;

/// <summary>An audit record as stored, with its position and the time the database recorded it.</summary>
public sealed record StoredAuditRecord(long AuditId, DateTimeOffset RecordedAt, AuditEntry Entry);
