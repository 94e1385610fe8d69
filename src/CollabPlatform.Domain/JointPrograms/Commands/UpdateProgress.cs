using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.JointPrograms.Commands;

/// <summary>Records milestone completions and indicator values, and optionally changes the status.</summary>
public sealed record UpdateProgress : JointProgramCommand
{
    public ValueList<MilestoneCompletion> MilestoneCompletions { get; init; } = [];

    public ValueList<IndicatorActual> IndicatorActuals { get; init; } = [];

    public JointProgramStatus? NewStatus { get; init; }

    public string? Note { get; init; }
}
