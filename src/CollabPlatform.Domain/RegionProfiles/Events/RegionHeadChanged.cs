namespace CollabPlatform.Domain.RegionProfiles.Events;

/// <summary>A new head took office. The agreement binds the region, not the person (docs/domain.md §head-change), so nothing else changes.</summary>
public sealed record RegionHeadChanged : RegionProfileEvent
{
    public required RegionHead Head { get; init; }

    /// <summary>The outgoing head with the term closed, or null for the first head recorded.</summary>
    public RegionHead? Previous { get; init; }

    public string? Note { get; init; }
}
