namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>Names a facilitator: a region id (a province) or a ministry ("MINISTRY-ID").</summary>
public sealed record AddFacilitator(string Jurisdiction, string Role) : PartnershipCommand;
