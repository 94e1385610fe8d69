using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.RegionProfiles.Events;
using CollabPlatform.Grains.Abstractions;

namespace CollabPlatform.Api.Tests.Support;

/// <summary>A region whose profile nobody has described; it refuses every change.</summary>
public sealed class EmptyRegionGrain(string id) : IRegionGrain
{
    public Task<CommandResult<AggregateSnapshot<RegionProfileEvent>>> ExecuteAsync(RegionProfileCommand command, CommandMetadata metadata) =>
        throw new NotSupportedException("read-only in this test");

    public Task<AggregateSnapshot<RegionProfileEvent>> GetAsync() => Task.FromResult(new AggregateSnapshot<RegionProfileEvent>(id, []));
}
