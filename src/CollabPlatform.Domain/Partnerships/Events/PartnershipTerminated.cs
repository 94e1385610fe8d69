namespace CollabPlatform.Domain.Partnerships.Events;

public sealed record PartnershipTerminated : PartnershipEvent
{
    public required string Reason { get; init; }

    public required DateOnly EffectiveDate { get; init; }

    public required PartnershipStage FromStage { get; init; }
}
