namespace CollabPlatform.Domain.Partnerships.Events;

public sealed record StageAdvanced : PartnershipEvent
{
    public required PartnershipStage From { get; init; }

    public required PartnershipStage To { get; init; }

    public string? Note { get; init; }
}
