namespace CollabPlatform.Domain.Partnerships;

/// <summary>One line of a partnership's history, one per applied event.</summary>
/// <param name="Sequence">The version the event produced (1 for the proposal).</param>
/// <param name="EventType">The event's stable discriminator, e.g. "partnership.stage_advanced".</param>
/// <param name="Actor">Who caused the event.</param>
/// <param name="OccurredAt">When the event was accepted.</param>
/// <param name="FromStage">Stage before, when the event moved the stage.</param>
/// <param name="ToStage">Stage after, when the event moved the stage.</param>
/// <param name="Note">Reason, note or title that explains the entry.</param>
public sealed record HistoryEntry(
    long Sequence,
    string EventType,
    string Actor,
    DateTimeOffset OccurredAt,
    PartnershipStage? FromStage,
    PartnershipStage? ToStage,
    string? Note);
