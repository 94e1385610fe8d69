using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>Replaces the priority sectors.</summary>
public sealed record UpdatePrioritySectors(ValueList<Sector> Sectors) : PartnershipCommand;
