using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>Registers a new partnership at its first stage.</summary>
public sealed record ProposePartnership : PartnershipCommand
{
    /// <summary>Assigned by the caller (the grain key); unique.</summary>
    public required string PartnershipId { get; init; }

    public required PartnershipKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>The Indonesian province, regency or city.</summary>
    public required RegionId LocalRegion { get; init; }

    public required Counterpart Counterpart { get; init; }

    public ValueList<Sector> PrioritySectors { get; init; } = [];

    /// <summary>Initiative or Exploration; a tie already further along is recorded by proposing it and attaching its documents stage by stage.</summary>
    public PartnershipStage InitialStage { get; init; } = PartnershipStage.Initiative;

    public string? Note { get; init; }
}
