namespace CollabPlatform.Persistence.ReadModels;

/// <summary>An obligation not met by its due date.</summary>
/// <param name="Kind">What is overdue.</param>
/// <param name="PartnershipId">The programme's partnership.</param>
/// <param name="ProgramId">The programme.</param>
/// <param name="MilestoneId">The milestone, for <see cref="OverdueKind.Milestone"/>; empty for a report.</param>
/// <param name="DueDate">When it was due.</param>
/// <param name="ProgramTitle">The programme's title.</param>
/// <param name="MilestoneTitle">The milestone's title, for <see cref="OverdueKind.Milestone"/>.</param>
public sealed record OverdueItemRow(
    OverdueKind Kind,
    string PartnershipId,
    string ProgramId,
    string MilestoneId,
    DateOnly DueDate,
    string ProgramTitle,
    string? MilestoneTitle);
