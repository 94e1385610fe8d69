using System.Text.Json.Serialization;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.RegionProfiles.Events;

/// <summary>
/// An accepted change to a region's profile, stored in the ledger forever. The discriminators are
/// part of the stored format: never rename or reuse one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(RegionProfileUpdated), "region.profile_updated")]
[JsonDerivedType(typeof(RegionHeadChanged), "region.head_changed")]
public abstract record RegionProfileEvent
{
    public required RegionId RegionId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string Actor { get; init; }
}
