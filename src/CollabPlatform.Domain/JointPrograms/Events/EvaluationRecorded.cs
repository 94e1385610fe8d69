namespace CollabPlatform.Domain.JointPrograms.Events;

public sealed record EvaluationRecorded : JointProgramEvent
{
    public required Evaluation Evaluation { get; init; }
}
