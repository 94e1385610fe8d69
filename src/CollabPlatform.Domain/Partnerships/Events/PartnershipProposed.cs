using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Partnerships.Events;

public sealed record PartnershipProposed : PartnershipEvent
{
    public required PartnershipKind Kind { get; init; }

    public required string Title { get; init; }

    public required RegionId LocalRegion { get; init; }

    public required Counterpart Counterpart { get; init; }

    public ValueList<Sector> PrioritySectors { get; init; } = [];

    /// <summary>Initiative or Exploration.</summary>
    public required PartnershipStage Stage { get; init; }

    public string? Note { get; init; }
}
