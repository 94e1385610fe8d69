using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.JointPrograms.Commands;

/// <summary>Creates a programme under a partnership; decided by <see cref="JointProgram.Create"/>.</summary>
public sealed record CreateJointProgram : JointProgramCommand
{
    /// <summary>Assigned by the caller (the grain key); unique.</summary>
    public required string ProgramId { get; init; }

    public required string PartnershipId { get; init; }

    public required Sector Sector { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public ValueList<Milestone> Milestones { get; init; } = [];

    public ValueList<Indicator> Indicators { get; init; } = [];

    /// <summary>How often a report is due, 1 to <see cref="DomainLimits.MaxReportingPeriodMonths"/> months; quarterly by default.</summary>
    public int ReportingPeriodMonths { get; init; } = 3;
}
