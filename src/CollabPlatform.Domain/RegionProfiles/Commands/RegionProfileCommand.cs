using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.RegionProfiles.Commands;

/// <summary>A request to change a region's profile; <see cref="RegionProfile.Decide"/> accepts or rejects it.</summary>
public abstract record RegionProfileCommand
{
    /// <summary>The region whose profile changes (the grain key); must be in the catalogue.</summary>
    public required RegionId RegionId { get; init; }
}
