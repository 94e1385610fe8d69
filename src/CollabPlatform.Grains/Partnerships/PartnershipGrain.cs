using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Grains.Deadlines;
using CollabPlatform.Grains.Ledger;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Grains.Partnerships;

/// <summary>
/// A partnership, event-sourced on the ledger. Thin: the domain decides, the ledger commits, and
/// only then does the grain's state move on and the caller hear of it.
/// </summary>
public sealed class PartnershipGrain(
    IEventLedger ledger,
    RegionCatalog catalog,
    [FromKeyedServices(GrainServiceCollectionExtensions.ClockKey)] TimeProvider time,
    IOptions<DeadlineOptions> deadlines,
    ILogger<PartnershipGrain> logger) : Grain, IPartnershipGrain, IRemindable
{
    private const string SystemActor = "system:deadlines";

    private EventStream<PartnershipEvent> _stream = null!;
    private Partnership _partnership = new();
    private DeadlineReminder _reminder = null!;

    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString(), GrainKeys.PartnershipPrefix);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream<PartnershipEvent>(ledger, this.GetPrimaryKeyString());
        await _stream.LoadAsync(cancellationToken);
        _partnership = Partnership.FromHistory(_stream.Events);
        _reminder = new DeadlineReminder(this, deadlines.Value, time);
    }

    public Task<AggregateSnapshot<PartnershipEvent>?> GetAsync() =>
        Task.FromResult(_partnership.Exists ? _stream.Snapshot() : null);

    public async Task<CommandResult<AggregateSnapshot<PartnershipEvent>>> ExecuteAsync(PartnershipCommand command, CommandMetadata metadata) =>
        MutationMetrics.Record("partnership", command, await DecideAsync(command, metadata));

    private async Task<CommandResult<AggregateSnapshot<PartnershipEvent>>> DecideAsync(PartnershipCommand command, CommandMetadata metadata)
    {
        if (_stream.TryReplay(metadata, out var replay))
        {
            return replay!;
        }

        if (_stream.CheckExpectedVersion(metadata) is { } stale)
        {
            return CommandResult<AggregateSnapshot<PartnershipEvent>>.Rejected(stale);
        }

        // The grain key is the partnership's identity; a proposal cannot name another.
        var keyed = command is ProposePartnership propose ? propose with { PartnershipId = Id } : command;
        var decision = _partnership.Decide(keyed, catalog, new CommandContext(metadata.Actor, time.GetUtcNow()));
        if (decision.Rejection is { } rejection)
        {
            return CommandResult<AggregateSnapshot<PartnershipEvent>>.Rejected(rejection);
        }

        if (decision.Events.Count > 0 && await CommitAsync(decision.Events, metadata) is { } conflict)
        {
            return CommandResult<AggregateSnapshot<PartnershipEvent>>.Rejected(conflict);
        }

        await SyncReminderAsync(afterTick: false);
        return CommandResult<AggregateSnapshot<PartnershipEvent>>.Accepted(_stream.Snapshot());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var before = _stream.Version;
        await ExecuteAsync(new CheckDeadlines(), new CommandMetadata(SystemActor));
        var produced = _stream.Version - before;
        Log.DeadlineChecked(logger, _stream.StreamId, produced);
        await SyncReminderAsync(afterTick: true);
    }

    /// <summary>Commits the events with their read-model row; on a conflict nothing changes here either.</summary>
    private async Task<Rejection?> CommitAsync(IReadOnlyList<PartnershipEvent> events, CommandMetadata metadata)
    {
        var fromStage = _partnership.Exists ? _partnership.Stage.ToString() : null;
        var next = Partnership.FromHistory(_stream.Events.AddRange(events));
        var jurisdictions = PartnershipProjection.JurisdictionsOf(next, catalog);
        var change = new LedgerChange
        {
            OccurredAt = next.UpdatedAt,
            PartnershipId = next.Id,
            Jurisdictions = jurisdictions,
            FromStage = fromStage,
            ToStage = next.Stage.ToString(),
            Partnership = PartnershipProjection.ToRow(next, jurisdictions),
        };
        if (await _stream.TryAppendAsync(events, metadata, change, logger, CancellationToken.None) is { } conflict)
        {
            // Another activation wrote to this stream (a duplicate activation during a membership
            // change). This one is stale: refuse, and reload on the next call.
            DeactivateOnIdle();
            return conflict;
        }

        _partnership = next;
        return null;
    }

    private async Task SyncReminderAsync(bool afterTick)
    {
        try
        {
            await _reminder.SyncAsync(_partnership.Exists ? _partnership.NextDeadline : null, afterTick);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change itself is committed; a reminder that could not be stored is retried with
            // the next change, and must not turn an acknowledged change into an error.
            Log.ReminderSyncFailed(logger, ex, _stream.StreamId, _partnership.NextDeadline);
        }
    }
}
