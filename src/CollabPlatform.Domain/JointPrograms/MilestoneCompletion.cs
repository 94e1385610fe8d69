namespace CollabPlatform.Domain.JointPrograms;

/// <summary>Marks a milestone achieved on a date.</summary>
public sealed record MilestoneCompletion(string MilestoneId, DateOnly CompletedOn);
