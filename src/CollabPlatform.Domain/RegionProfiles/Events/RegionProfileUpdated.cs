using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.RegionProfiles.Events;

public sealed record RegionProfileUpdated : RegionProfileEvent
{
    public ValueList<string> Strengths { get; init; } = [];

    public ValueList<Sector> PrioritySectors { get; init; } = [];

    public CooperationOffice? Office { get; init; }
}
