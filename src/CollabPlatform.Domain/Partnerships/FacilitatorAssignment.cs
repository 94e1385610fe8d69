namespace CollabPlatform.Domain.Partnerships;

/// <summary>
/// An explicit facilitator of one partnership, beyond those who see it by jurisdiction (docs/domain.md §facilitators).
/// </summary>
/// <param name="Jurisdiction">A region id ("ID-33") or a ministry ("MINISTRY-ID").</param>
/// <param name="Role">What it does, e.g. "provincial facilitator".</param>
/// <param name="AddedAt">When it was named.</param>
/// <param name="AddedBy">Who named it.</param>
public sealed record FacilitatorAssignment(string Jurisdiction, string Role, DateTimeOffset AddedAt, string AddedBy);
