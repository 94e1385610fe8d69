using System.Collections.Immutable;
using System.Text.Json;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.Logging;

namespace CollabPlatform.Grains.Ledger;

/// <summary>
/// The ledger stream behind one event-sourced grain: loads it, remembers which client requests it
/// already applied, and appends accepted events (with their read-model row) in one transaction.
/// A request is known by its actor and request id together, so that another party to the same
/// aggregate who picks the same id neither receives the first caller's result nor burns the id.
/// </summary>
internal sealed class EventStream<TEvent>(IEventLedger ledger, string streamId)
    where TEvent : class
{
    private readonly Dictionary<string, (long Version, string? Hash)> _requests = new(StringComparer.Ordinal);

    public string StreamId => streamId;

    public ImmutableArray<TEvent> Events { get; private set; } = [];

    public long Version => Events.Length;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await ledger.ReadStreamAsync(streamId, cancellationToken);
        var events = ImmutableArray.CreateBuilder<TEvent>(stored.Count);
        _requests.Clear();
        foreach (var row in stored)
        {
            events.Add(JsonSerializer.Deserialize<TEvent>(row.Payload, DomainJson.Options)
                ?? throw new InvalidDataException($"ledger row {row.StreamId}@{row.StreamVersion} holds no event"));
            if (row.RequestId is { } requestId)
            {
                _requests[RequestKey(row.Actor, requestId)] = (row.StreamVersion, row.RequestHash);
            }
        }

        Events = events.MoveToImmutable();
    }

    /// <summary>
    /// For a request this stream already applied: the events as they stood right after it, so the
    /// retry gets the first answer. A reused key with other content is refused.
    /// </summary>
    public bool TryReplay(CommandMetadata metadata, out CommandResult<AggregateSnapshot<TEvent>>? result)
    {
        result = null;
        if (metadata.RequestId is not { } requestId || !_requests.TryGetValue(RequestKey(metadata.Actor, requestId), out var applied))
        {
            return false;
        }

        result = applied.Hash is not null && metadata.RequestHash is not null && applied.Hash != metadata.RequestHash
            ? CommandResult<AggregateSnapshot<TEvent>>.Rejected(new Rejection(
                RejectionKind.AlreadyExists,
                $"request_id '{requestId}' was already used for a different request",
                "request_id"))
            : CommandResult<AggregateSnapshot<TEvent>>.Accepted(SnapshotAt(applied.Version), replayed: true);
        return true;
    }

    /// <summary>A refusal when the caller decided on another version than the current one.</summary>
    public Rejection? CheckExpectedVersion(CommandMetadata metadata) =>
        metadata.ExpectedVersion == 0 || metadata.ExpectedVersion == Version
            ? null
            : new Rejection(
                RejectionKind.Conflict,
                $"{streamId} is at version {Version}, not the expected {metadata.ExpectedVersion}; reload and retry",
                "expected_version");

    /// <summary>
    /// Commits the events durably, then makes them part of this stream. When another writer got
    /// there first nothing is written, the refusal is returned, and the caller's activation is stale.
    /// </summary>
    public async Task<Rejection?> TryAppendAsync(IReadOnlyList<TEvent> events, CommandMetadata metadata, LedgerChange change, string operation, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await AppendAsync(events, metadata, change, operation, cancellationToken);
            return null;
        }
        catch (LedgerConflictException)
        {
            Log.LedgerConflict(logger, streamId, Version);
            return new Rejection(RejectionKind.Conflict, $"{streamId} was changed concurrently; reload and retry", "expected_version");
        }
    }

    private async Task AppendAsync(IReadOnlyList<TEvent> events, CommandMetadata metadata, LedgerChange change, string operation, CancellationToken cancellationToken)
    {
        var eventTypes = events.Select(e => EventTypeNames.Of<TEvent>(e.GetType())).ToList();
        var append = new LedgerAppend
        {
            StreamId = streamId,
            ExpectedVersion = Version,
            Events = [.. events.Select((e, i) => new NewLedgerEvent(
                eventTypes[i],
                JsonSerializer.Serialize(e, DomainJson.Options),
                metadata.Actor,
                change.OccurredAt,
                change.FromStage,
                change.ToStage))],
            PartnershipId = change.PartnershipId,
            Jurisdictions = change.Jurisdictions,
            RequestId = metadata.RequestId,
            RequestHash = metadata.RequestHash,
            Partnership = change.Partnership,
            Program = change.Program,
            Audit = new AuditEntry
            {
                OccurredAt = change.OccurredAt,
                Actor = metadata.Actor,
                ActorRole = RoleNames.Of(metadata.Principal?.Role ?? Role.System),
                ActorJurisdiction = metadata.Principal?.Jurisdiction,
                RequestId = metadata.RequestId,
                Operation = operation,
                ResourceType = change.ResourceType,
                ResourceId = change.ResourceId,
                PartnershipId = change.PartnershipId,
                StreamId = streamId,
                FromVersion = Version,
                ToVersion = Version + events.Count,
                FromStage = change.FromStage,
                ToStage = change.ToStage,
                FromStatus = change.FromStatus,
                ToStatus = change.ToStatus,
                EventTypes = eventTypes,
                Jurisdictions = change.Jurisdictions,
            },
        };
        await ledger.AppendAsync(append, cancellationToken);
        Events = Events.AddRange(events);
        if (metadata.RequestId is { } requestId)
        {
            _requests[RequestKey(metadata.Actor, requestId)] = (Version, metadata.RequestHash);
        }
    }

    // Actors never contain a control character (the token validator refuses them), so the pair is unambiguous.
    private static string RequestKey(string actor, string requestId) => actor + "\n" + requestId;

    public AggregateSnapshot<TEvent> Snapshot() => SnapshotAt(Version);

    private AggregateSnapshot<TEvent> SnapshotAt(long version) =>
        new(streamId[(streamId.IndexOf(':', StringComparison.Ordinal) + 1)..], Events[..(int)version]);
}
