namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>Sent by the partnership's timer at <see cref="Partnership.NextDeadline"/>; expires an agreement whose window has ended.</summary>
public sealed record CheckDeadlines : PartnershipCommand;
