namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>Ends the partnership for good.</summary>
public sealed record TerminatePartnership(string Reason, DateOnly EffectiveDate) : PartnershipCommand;
