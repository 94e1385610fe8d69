using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Partnerships;

/// <summary>A meeting that took place; plans for future ones go in <see cref="NextSteps"/>.</summary>
public sealed record Meeting
{
    public required string Id { get; init; }

    public required DateOnly Date { get; init; }

    public required MeetingMode Mode { get; init; }

    public string? Place { get; init; }

    public ValueList<Person> Participants { get; init; } = [];

    public string? Summary { get; init; }

    public string? Outcome { get; init; }

    public ValueList<NextStep> NextSteps { get; init; } = [];

    public required DateTimeOffset RecordedAt { get; init; }
}
