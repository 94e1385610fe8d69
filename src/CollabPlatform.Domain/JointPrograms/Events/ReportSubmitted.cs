namespace CollabPlatform.Domain.JointPrograms.Events;

public sealed record ReportSubmitted : JointProgramEvent
{
    public required ProgressReport Report { get; init; }
}
