namespace CollabPlatform.Domain.JointPrograms.Commands;

/// <summary>Records an evaluation of the programme.</summary>
public sealed record RecordEvaluation : JointProgramCommand
{
    public required string EvaluationId { get; init; }

    public required string Evaluator { get; init; }

    public required DateOnly Date { get; init; }

    public required string Findings { get; init; }

    public double? Score { get; init; }
}
