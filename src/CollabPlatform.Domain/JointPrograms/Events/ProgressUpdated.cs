using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.JointPrograms.Events;

public sealed record ProgressUpdated : JointProgramEvent
{
    public ValueList<MilestoneCompletion> MilestoneCompletions { get; init; } = [];

    public ValueList<IndicatorActual> IndicatorActuals { get; init; } = [];

    public string? Note { get; init; }
}
