using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>Records a meeting that has taken place.</summary>
public sealed record RecordMeeting : PartnershipCommand
{
    /// <summary>Assigned by the caller (the grain derives it); unique within the partnership.</summary>
    public required string MeetingId { get; init; }

    public required DateOnly Date { get; init; }

    public required MeetingMode Mode { get; init; }

    public string? Place { get; init; }

    public ValueList<Person> Participants { get; init; } = [];

    public string? Summary { get; init; }

    public string? Outcome { get; init; }

    public ValueList<NextStep> NextSteps { get; init; } = [];
}
