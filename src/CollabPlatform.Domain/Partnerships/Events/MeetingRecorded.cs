namespace CollabPlatform.Domain.Partnerships.Events;

public sealed record MeetingRecorded : PartnershipEvent
{
    public required Meeting Meeting { get; init; }
}
