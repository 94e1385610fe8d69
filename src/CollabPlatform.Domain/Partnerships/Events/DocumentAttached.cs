namespace CollabPlatform.Domain.Partnerships.Events;

public sealed record DocumentAttached : PartnershipEvent
{
    public required PartnershipDocument Document { get; init; }
}
