using System.Collections.Immutable;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;

namespace CollabPlatform.Api.Tests.Support;

/// <summary>
/// A partnership grain without Orleans or a database, for service tests: the real domain decides,
/// request ids are remembered with their hash and replayed as the ledger-backed grain does.
/// </summary>
public sealed class InMemoryPartnershipGrain(string id, TimeProvider time) : IPartnershipGrain
{
    private readonly Dictionary<string, (long Version, string? Hash)> _requests = new(StringComparer.Ordinal);
    private ImmutableArray<PartnershipEvent> _events = [];

    public int Executions { get; private set; }

    public Task<CommandResult<AggregateSnapshot<PartnershipEvent>>> ExecuteAsync(PartnershipCommand command, CommandMetadata metadata)
    {
        Executions++;
        if (AccessPolicy.CheckChange(metadata.Principal, Partnership.FromHistory(_events), command, RegionCatalog.Default) is { } denied)
        {
            return Task.FromResult(CommandResult<AggregateSnapshot<PartnershipEvent>>.Rejected(denied));
        }

        if (metadata.RequestId is { } requestId && _requests.TryGetValue(requestId, out var applied))
        {
            return Task.FromResult(applied.Hash != metadata.RequestHash
                ? CommandResult<AggregateSnapshot<PartnershipEvent>>.Rejected(new Rejection(RejectionKind.AlreadyExists, $"request_id '{requestId}' was already used for a different request", "request_id"))
                : CommandResult<AggregateSnapshot<PartnershipEvent>>.Accepted(new AggregateSnapshot<PartnershipEvent>(id, _events[..(int)applied.Version]), replayed: true));
        }

        if (metadata.ExpectedVersion != 0 && metadata.ExpectedVersion != _events.Length)
        {
            return Task.FromResult(CommandResult<AggregateSnapshot<PartnershipEvent>>.Rejected(
                new Rejection(RejectionKind.Conflict, $"partnership:{id} is at version {_events.Length}, not the expected {metadata.ExpectedVersion}", "expected_version")));
        }

        var state = Partnership.FromHistory(_events);
        var decision = state.Decide(command, RegionCatalog.Default, new CommandContext(metadata.Actor, time.GetUtcNow()));
        if (decision.Rejection is { } rejection)
        {
            return Task.FromResult(CommandResult<AggregateSnapshot<PartnershipEvent>>.Rejected(rejection));
        }

        _events = _events.AddRange(decision.Events);
        if (metadata.RequestId is { } newRequest && decision.Events.Count > 0)
        {
            _requests[newRequest] = (_events.Length, metadata.RequestHash);
        }

        return Task.FromResult(CommandResult<AggregateSnapshot<PartnershipEvent>>.Accepted(new AggregateSnapshot<PartnershipEvent>(id, _events)));
    }

    public Task<AggregateSnapshot<PartnershipEvent>?> GetAsync() =>
        Task.FromResult(_events.IsEmpty ? null : new AggregateSnapshot<PartnershipEvent>(id, _events));
}
