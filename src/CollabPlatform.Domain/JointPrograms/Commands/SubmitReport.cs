namespace CollabPlatform.Domain.JointPrograms.Commands;

/// <summary>Submits a progress report for a period that has ended.</summary>
public sealed record SubmitReport : JointProgramCommand
{
    public required string ReportId { get; init; }

    public required DateOnly PeriodStart { get; init; }

    public required DateOnly PeriodEnd { get; init; }

    public required string Summary { get; init; }

    /// <summary>The report's author when not the caller (e.g. the agency head); defaults to the actor.</summary>
    public string? Author { get; init; }
}
