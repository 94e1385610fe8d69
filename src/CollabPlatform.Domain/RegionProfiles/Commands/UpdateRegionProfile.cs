using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.RegionProfiles.Commands;

/// <summary>Replaces the descriptive part of the profile. The head of region is changed only by <see cref="RecordHeadChange"/>.</summary>
public sealed record UpdateRegionProfile : RegionProfileCommand
{
    /// <summary>What the region offers, one point per item (as presented at the Klaten–Nanjing meeting).</summary>
    public ValueList<string> Strengths { get; init; } = [];

    public ValueList<Sector> PrioritySectors { get; init; } = [];

    public CooperationOffice? Office { get; init; }
}
