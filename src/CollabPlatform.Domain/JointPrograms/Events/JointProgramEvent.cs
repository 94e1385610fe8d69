using System.Text.Json.Serialization;

namespace CollabPlatform.Domain.JointPrograms.Events;

/// <summary>
/// An accepted change to a joint programme, stored in the ledger forever. The discriminators are
/// part of the stored format: never rename or reuse one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ProgramCreated), "program.created")]
[JsonDerivedType(typeof(ProgressUpdated), "program.progress_updated")]
[JsonDerivedType(typeof(ProgramStatusChanged), "program.status_changed")]
[JsonDerivedType(typeof(ReportSubmitted), "program.report_submitted")]
[JsonDerivedType(typeof(EvaluationRecorded), "program.evaluation_recorded")]
[JsonDerivedType(typeof(ReportOverdue), "program.report_overdue")]
public abstract record JointProgramEvent
{
    public required string ProgramId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string Actor { get; init; }
}
