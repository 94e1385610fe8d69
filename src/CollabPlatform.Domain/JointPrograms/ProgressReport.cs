namespace CollabPlatform.Domain.JointPrograms;

/// <summary>
/// A periodic report. The legal reporting frequency is unverified (docs/domain.md §reporting; Surabaya
/// reported quarterly), so each programme carries its own period.
/// </summary>
public sealed record ProgressReport(string Id, DateOnly PeriodStart, DateOnly PeriodEnd, DateTimeOffset SubmittedAt, string Summary, string Author);
