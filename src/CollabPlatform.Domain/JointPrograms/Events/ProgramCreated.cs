using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.JointPrograms.Events;

public sealed record ProgramCreated : JointProgramEvent
{
    public required string PartnershipId { get; init; }

    public required Sector Sector { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public ValueList<Milestone> Milestones { get; init; } = [];

    public ValueList<Indicator> Indicators { get; init; } = [];

    public required int ReportingPeriodMonths { get; init; }
}
