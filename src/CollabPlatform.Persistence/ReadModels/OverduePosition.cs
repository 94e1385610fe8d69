namespace CollabPlatform.Persistence.ReadModels;

/// <summary>Where an overdue list resumes: after this item in (due date, kind, programme, milestone) order.</summary>
public readonly record struct OverduePosition(DateOnly DueDate, OverdueKind Kind, string ProgramId, string MilestoneId);
