using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.RegionProfiles.Events;

namespace CollabPlatform.Grains.Abstractions;

/// <summary>The profile of one catalogue region, keyed <c>region:&lt;region id&gt;</c>.</summary>
[Alias("collab.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>Decides a profile change; it is stored before this returns.</summary>
    [Alias("Execute")]
    Task<CommandResult<AggregateSnapshot<RegionProfileEvent>>> ExecuteAsync(RegionProfileCommand command, CommandMetadata metadata);

    /// <summary>The profile's history (empty for a region nobody has described yet).</summary>
    [Alias("Get")]
    Task<AggregateSnapshot<RegionProfileEvent>> GetAsync();
}
