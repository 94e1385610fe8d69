using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Grains.Deadlines;
using CollabPlatform.Grains.Ledger;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Grains.JointPrograms;

/// <summary>
/// A joint programme, event-sourced on the ledger like its partnership. It asks the partnership
/// for its stage (a programme needs a live agreement) and for who may see it.
/// </summary>
public sealed class JointProgramGrain(
    IEventLedger ledger,
    RegionCatalog catalog,
    [FromKeyedServices(GrainServiceCollectionExtensions.ClockKey)] TimeProvider time,
    IOptions<DeadlineOptions> deadlines,
    ILogger<JointProgramGrain> logger) : Grain, IJointProgramGrain, IRemindable
{
    private const string SystemActor = "system:deadlines";

    private EventStream<JointProgramEvent> _stream = null!;
    private JointProgram _program = new();
    private DeadlineReminder _reminder = null!;

    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString(), GrainKeys.ProgramPrefix);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream<JointProgramEvent>(ledger, this.GetPrimaryKeyString());
        await _stream.LoadAsync(cancellationToken);
        _program = JointProgram.FromHistory(_stream.Events);
        _reminder = new DeadlineReminder(this, deadlines.Value, time);
    }

    public Task<AggregateSnapshot<JointProgramEvent>?> GetAsync() =>
        Task.FromResult(_program.Exists ? _stream.Snapshot() : null);

    public async Task<CommandResult<AggregateSnapshot<JointProgramEvent>>> ExecuteAsync(JointProgramCommand command, CommandMetadata metadata) =>
        MutationMetrics.Record("joint_program", command, await DecideAsync(command, metadata));

    private async Task<CommandResult<AggregateSnapshot<JointProgramEvent>>> DecideAsync(JointProgramCommand command, CommandMetadata metadata)
    {
        if (_stream.TryReplay(metadata, out var replay))
        {
            return replay!;
        }

        if (_stream.CheckExpectedVersion(metadata) is { } stale)
        {
            return CommandResult<AggregateSnapshot<JointProgramEvent>>.Rejected(stale);
        }

        var partnershipId = command is CreateJointProgram create ? create.PartnershipId : _program.PartnershipId;
        var partnership = await LoadPartnershipAsync(partnershipId);
        var context = new CommandContext(metadata.Actor, time.GetUtcNow());
        var decision = (command, partnership) switch
        {
            (CreateJointProgram c, { Exists: true } p) when !_program.Exists => JointProgram.Create(c with { ProgramId = Id }, p.Stage, context),
            (CreateJointProgram, _) when !_program.Exists => Decision<JointProgramEvent>.Reject(
                Rejection.NotFound($"partnership {partnershipId} does not exist; a joint programme belongs to a proposed partnership", "partnership_id")),
            _ => _program.Decide(command, context),
        };
        if (decision.Rejection is { } rejection)
        {
            return CommandResult<AggregateSnapshot<JointProgramEvent>>.Rejected(rejection);
        }

        if (decision.Events.Count > 0 && await CommitAsync(decision.Events, metadata, partnership) is { } conflict)
        {
            return CommandResult<AggregateSnapshot<JointProgramEvent>>.Rejected(conflict);
        }

        await SyncReminderAsync(afterTick: false);
        return CommandResult<AggregateSnapshot<JointProgramEvent>>.Accepted(_stream.Snapshot());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var before = _stream.Version;
        await ExecuteAsync(new CheckReportingDeadline(), new CommandMetadata(SystemActor));
        Log.DeadlineChecked(logger, _stream.StreamId, _stream.Version - before);
        await SyncReminderAsync(afterTick: true);
    }

    private async Task<Partnership> LoadPartnershipAsync(string partnershipId)
    {
        if (string.IsNullOrWhiteSpace(partnershipId))
        {
            return new Partnership();
        }

        var snapshot = await GrainFactory.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId)).GetAsync();
        return snapshot is null ? new Partnership() : Partnership.FromHistory(snapshot.Events);
    }

    private async Task<Rejection?> CommitAsync(IReadOnlyList<JointProgramEvent> events, CommandMetadata metadata, Partnership partnership)
    {
        var next = JointProgram.FromHistory(_stream.Events.AddRange(events));
        var jurisdictions = partnership.Exists ? Jurisdictions.Of(partnership, catalog) : [];
        var change = new LedgerChange
        {
            OccurredAt = next.UpdatedAt,
            PartnershipId = next.PartnershipId,
            Jurisdictions = jurisdictions,
            Program = ProgramProjection.ToRow(next, jurisdictions),
        };
        if (await _stream.TryAppendAsync(events, metadata, change, logger, CancellationToken.None) is { } conflict)
        {
            DeactivateOnIdle();
            return conflict;
        }

        _program = next;
        return null;
    }

    private async Task SyncReminderAsync(bool afterTick)
    {
        try
        {
            await _reminder.SyncAsync(_program.NextDeadline, afterTick);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ReminderSyncFailed(logger, ex, _stream.StreamId, _program.NextDeadline);
        }
    }
}
