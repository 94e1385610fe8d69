namespace CollabPlatform.Domain.Partnerships;

/// <summary>An agreed follow-up of a meeting, e.g. "letter of intent", with its target date if any.</summary>
public sealed record NextStep(string Description, DateOnly? TargetDate = null);
