namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>Moves the partnership to the next stage of its lifecycle.</summary>
public sealed record AdvanceStage(PartnershipStage Target, string? Note = null) : PartnershipCommand;
