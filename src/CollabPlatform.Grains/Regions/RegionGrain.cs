using System.Collections.Immutable;
using System.Text.Json;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.RegionProfiles;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.RegionProfiles.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CollabPlatform.Grains.Regions;

/// <summary>
/// A region's profile (strengths, sectors, cooperation office, head of region and its history),
/// kept in Orleans ADO.NET grain storage. Optimistic concurrency comes from the storage ETag.
/// </summary>
public sealed class RegionGrain(
    [PersistentState("profile", GrainStorageNames.Default)] IPersistentState<RegionGrainState> state,
    RegionCatalog catalog,
    [FromKeyedServices(GrainServiceCollectionExtensions.ClockKey)] TimeProvider time) : Grain, IRegionGrain
{
    private ImmutableArray<RegionProfileEvent> _events = [];
    private RegionProfile _profile = new();

    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString(), GrainKeys.RegionPrefix);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Load();
        return Task.CompletedTask;
    }

    public Task<AggregateSnapshot<RegionProfileEvent>> GetAsync() => Task.FromResult(SnapshotAt(_events.Length));

    public async Task<CommandResult<AggregateSnapshot<RegionProfileEvent>>> ExecuteAsync(RegionProfileCommand command, CommandMetadata metadata) =>
        MutationMetrics.Record("region", command, await DecideAsync(command, metadata));

    private async Task<CommandResult<AggregateSnapshot<RegionProfileEvent>>> DecideAsync(RegionProfileCommand command, CommandMetadata metadata)
    {
        if (metadata.RequestId is { } requestId && state.State.Requests.Find(r => r.RequestId == requestId) is { } applied)
        {
            return applied.RequestHash is not null && metadata.RequestHash is not null && applied.RequestHash != metadata.RequestHash
                ? CommandResult<AggregateSnapshot<RegionProfileEvent>>.Rejected(new Rejection(RejectionKind.AlreadyExists, $"request_id '{requestId}' was already used for a different request", "request_id"))
                : CommandResult<AggregateSnapshot<RegionProfileEvent>>.Accepted(SnapshotAt(applied.Version), replayed: true);
        }

        if (metadata.ExpectedVersion != 0 && metadata.ExpectedVersion != _events.Length)
        {
            return CommandResult<AggregateSnapshot<RegionProfileEvent>>.Rejected(new Rejection(
                RejectionKind.Conflict, $"region {Id} profile is at version {_events.Length}, not the expected {metadata.ExpectedVersion}; reload and retry", "expected_version"));
        }

        var decision = _profile.Decide(command, catalog, new CommandContext(metadata.Actor, time.GetUtcNow()));
        if (decision.Rejection is { } rejection)
        {
            return CommandResult<AggregateSnapshot<RegionProfileEvent>>.Rejected(rejection);
        }

        if (decision.Events.Count > 0 && await StoreAsync(decision.Events, metadata) is { } conflict)
        {
            return CommandResult<AggregateSnapshot<RegionProfileEvent>>.Rejected(conflict);
        }

        return CommandResult<AggregateSnapshot<RegionProfileEvent>>.Accepted(SnapshotAt(_events.Length));
    }

    private async Task<Rejection?> StoreAsync(IReadOnlyList<RegionProfileEvent> events, CommandMetadata metadata)
    {
        state.State.Events.AddRange(events.Select(e => JsonSerializer.Serialize(e, DomainJson.Options)));
        if (metadata.RequestId is { } requestId)
        {
            state.State.Requests.Add(new RegionRequestRecord { RequestId = requestId, RequestHash = metadata.RequestHash, Version = state.State.Events.Count });
            if (state.State.Requests.Count > RegionGrainState.RememberedRequests)
            {
                state.State.Requests.RemoveAt(0);
            }
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            // Another activation stored the profile first; this one is stale and its unsaved
            // events are dropped with it.
            DeactivateOnIdle();
            return new Rejection(RejectionKind.Conflict, $"region {Id} profile was changed concurrently; reload and retry", "expected_version");
        }
        catch
        {
            // Not stored (e.g. the database is unreachable): forget the unsaved events with this activation.
            DeactivateOnIdle();
            throw;
        }

        Load();
        return null;
    }

    private void Load()
    {
        _events = [.. state.State.Events.Select(json => JsonSerializer.Deserialize<RegionProfileEvent>(json, DomainJson.Options)!)];
        _profile = RegionProfile.FromHistory(_events);
    }

    private AggregateSnapshot<RegionProfileEvent> SnapshotAt(long version) => new(Id, _events[..(int)version]);
}
