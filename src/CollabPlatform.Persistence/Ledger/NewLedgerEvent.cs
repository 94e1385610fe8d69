namespace CollabPlatform.Persistence.Ledger;

/// <summary>An event about to be appended; the payload is the serialised domain event.</summary>
public sealed record NewLedgerEvent(
    string EventType,
    string Payload,
    string Actor,
    DateTimeOffset OccurredAt,
    string? FromStage = null,
    string? ToStage = null);
