namespace CollabPlatform.Domain.Partnerships.Events;

public sealed record FacilitatorAdded : PartnershipEvent
{
    public required string Jurisdiction { get; init; }

    public required string Role { get; init; }
}
