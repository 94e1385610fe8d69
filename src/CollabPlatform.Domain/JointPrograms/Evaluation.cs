namespace CollabPlatform.Domain.JointPrograms;

/// <summary>An evaluation of a programme, e.g. the academic review of Solo's programmes.</summary>
/// <param name="Id">Unique within the programme.</param>
/// <param name="Evaluator">Who evaluated: an agency, a university, Kemendagri's Pusfasker…</param>
/// <param name="Date">When the evaluation was made.</param>
/// <param name="Findings">What it found.</param>
/// <param name="Score">An overall score from 0 to 100, when the evaluator gives one.</param>
public sealed record Evaluation(string Id, string Evaluator, DateOnly Date, string Findings, double? Score = null);
