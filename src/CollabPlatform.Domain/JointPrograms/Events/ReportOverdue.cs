namespace CollabPlatform.Domain.JointPrograms.Events;

/// <summary>The report due on <see cref="DueDate"/> was not submitted by the end of that day (UTC). Raised once per due date.</summary>
public sealed record ReportOverdue : JointProgramEvent
{
    public required DateOnly DueDate { get; init; }
}
