namespace CollabPlatform.Persistence.Ledger;

/// <summary>An event as the ledger committed it.</summary>
public sealed record StoredLedgerEvent(
    LedgerCursor Cursor,
    string StreamId,
    long StreamVersion,
    string EventType,
    string Payload,
    string Actor,
    DateTimeOffset OccurredAt,
    string? PartnershipId,
    string? FromStage,
    string? ToStage,
    IReadOnlyList<string> Jurisdictions,
    string? RequestId,
    string? RequestHash);
