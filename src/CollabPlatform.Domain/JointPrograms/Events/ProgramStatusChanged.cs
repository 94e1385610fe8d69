using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.JointPrograms.Events;

/// <summary>
/// The status changed (UpdateProgress), together with any milestones and indicator values recorded
/// in the same call; events stored before those were carried here have none.
/// </summary>
public sealed record ProgramStatusChanged : JointProgramEvent
{
    public required JointProgramStatus From { get; init; }

    public required JointProgramStatus To { get; init; }

    public ValueList<MilestoneCompletion> MilestoneCompletions { get; init; } = [];

    public ValueList<IndicatorActual> IndicatorActuals { get; init; } = [];

    public string? Note { get; init; }
}
