using System.Collections.Immutable;
using System.Text.Json;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.RegionProfiles;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.RegionProfiles.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace CollabPlatform.Grains.Regions;

/// <summary>
/// A region's profile in Orleans ADO.NET grain storage, the storage ETag giving optimistic
/// concurrency. Its audit record cannot share the ledger's transaction, so it is written with the
/// state (an outbox) and copied to the audit log right after; a failed copy is retried on the next
/// call or activation, and a copy made twice is stored once.
/// </summary>
public sealed class RegionGrain(
    [PersistentState("profile", GrainStorageNames.Default)] IPersistentState<RegionGrainState> state,
    RegionCatalog catalog,
    IAuditLog auditLog,
    [FromKeyedServices(GrainServiceCollectionExtensions.ClockKey)] TimeProvider time,
    ILogger<RegionGrain> logger) : Grain, IRegionGrain
{
    private ImmutableArray<RegionProfileEvent> _events = [];
    private RegionProfile _profile = new();

    /// <summary>How many of <see cref="RegionGrainState.PendingAudit"/> (from the front) are already in the audit log.</summary>
    private int _auditCopied;

    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString(), GrainKeys.RegionPrefix);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Load();
        await CopyAuditAsync(cancellationToken);
    }

    public Task<AggregateSnapshot<RegionProfileEvent>> GetAsync() => Task.FromResult(SnapshotAt(_events.Length));

    public async Task<CommandResult<AggregateSnapshot<RegionProfileEvent>>> ExecuteAsync(RegionProfileCommand command, CommandMetadata metadata) =>
        MutationMetrics.Record("region", command, await DecideAsync(command, metadata));

    private async Task<CommandResult<AggregateSnapshot<RegionProfileEvent>>> DecideAsync(RegionProfileCommand command, CommandMetadata metadata)
    {
        await CopyAuditAsync(CancellationToken.None);
        // Authorized against the region this grain keeps, which the command must name.
        var denied = command.RegionId.ToString() != Id
            ? Rejection.Invalid("region_id", $"this is the profile of {Id}, not of {command.RegionId}")
            : AccessPolicy.CheckProfileChange(metadata.Principal, command);
        if (denied is not null)
        {
            return CommandResult<AggregateSnapshot<RegionProfileEvent>>.Rejected(denied);
        }

        if (metadata.RequestId is { } requestId && state.State.Requests.Find(r => r.RequestId == requestId && (r.Actor ?? metadata.Actor) == metadata.Actor) is { } applied)
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

        if (decision.Events.Count > 0 && await StoreAsync(command, decision.Events, metadata) is { } conflict)
        {
            return CommandResult<AggregateSnapshot<RegionProfileEvent>>.Rejected(conflict);
        }

        return CommandResult<AggregateSnapshot<RegionProfileEvent>>.Accepted(SnapshotAt(_events.Length));
    }

    private async Task<Rejection?> StoreAsync(RegionProfileCommand command, IReadOnlyList<RegionProfileEvent> events, CommandMetadata metadata)
    {
        // Records already copied leave the outbox with this write.
        state.State.PendingAudit.RemoveRange(0, _auditCopied);
        _auditCopied = 0;
        state.State.PendingAudit.Add(JsonSerializer.Serialize(Audit(command, events, metadata), DomainJson.Options));
        state.State.Events.AddRange(events.Select(e => JsonSerializer.Serialize(e, DomainJson.Options)));
        if (metadata.RequestId is { } requestId)
        {
            // Every request is remembered, as long as the events it produced: a retry is recognised however late it comes.
            state.State.Requests.Add(new RegionRequestRecord { RequestId = requestId, Actor = metadata.Actor, RequestHash = metadata.RequestHash, Version = state.State.Events.Count });
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
        await CopyAuditAsync(CancellationToken.None);
        return null;
    }

    private AuditEntry Audit(RegionProfileCommand command, IReadOnlyList<RegionProfileEvent> events, CommandMetadata metadata) => new()
    {
        OccurredAt = time.GetUtcNow(),
        Actor = metadata.Actor,
        ActorRole = RoleNames.Of(metadata.Principal?.Role ?? Role.System),
        ActorJurisdiction = metadata.Principal?.Jurisdiction,
        RequestId = metadata.RequestId,
        Operation = command.GetType().Name,
        ResourceType = AuditEntry.RegionProfileResource,
        ResourceId = Id,
        StreamId = this.GetPrimaryKeyString(),
        FromVersion = _events.Length,
        ToVersion = _events.Length + events.Count,
        EventTypes = [.. events.Select(e => EventTypeNames.Of<RegionProfileEvent>(e.GetType()))],
        Jurisdictions = Jurisdictions.OfRegion(command.RegionId, catalog),
    };

    /// <summary>Copies the outbox to the audit log; a failure leaves it for the next call.</summary>
    private async Task CopyAuditAsync(CancellationToken cancellationToken)
    {
        var pending = state.State.PendingAudit.Count - _auditCopied;
        if (pending == 0)
        {
            return;
        }

        try
        {
            var entries = state.State.PendingAudit.Skip(_auditCopied)
                .Select(json => JsonSerializer.Deserialize<AuditEntry>(json, DomainJson.Options)!)
                .ToList();
            await auditLog.AppendAsync(entries, cancellationToken);
            _auditCopied += pending;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AuditOutboxPending(logger, ex, this.GetPrimaryKeyString(), pending);
        }
    }

    private void Load()
    {
        _events = [.. state.State.Events.Select(json => JsonSerializer.Deserialize<RegionProfileEvent>(json, DomainJson.Options)!)];
        _profile = RegionProfile.FromHistory(_events);
    }

    private AggregateSnapshot<RegionProfileEvent> SnapshotAt(long version) => new(Id, _events[..(int)version]);
}
