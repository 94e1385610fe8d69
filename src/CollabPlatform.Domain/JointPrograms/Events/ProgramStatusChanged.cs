namespace CollabPlatform.Domain.JointPrograms.Events;

public sealed record ProgramStatusChanged : JointProgramEvent
{
    public required JointProgramStatus From { get; init; }

    public required JointProgramStatus To { get; init; }

    public string? Note { get; init; }
}
