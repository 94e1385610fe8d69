using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Grains.Deadlines;
using CollabPlatform.Persistence;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.Logging;

namespace CollabPlatform.Grains.Ledger;

/// <summary>
/// The one flow of every ledger-backed grain: authorize against the state as it stands (one atomic
/// step, the grain being non-reentrant), replay a retried request's first result, refuse a stale
/// expected version, let the domain decide, commit the events with their read-model row and audit
/// record, and only then move the in-memory state and the deadline reminder on.
/// </summary>
/// <typeparam name="TAggregate">The domain aggregate, rebuilt from its events.</typeparam>
/// <typeparam name="TCommand">Its command base type.</typeparam>
/// <typeparam name="TEvent">Its event base type.</typeparam>
public abstract class LedgerGrain<TAggregate, TCommand, TEvent> : Grain, IRemindable
    where TAggregate : class
    where TCommand : class
    where TEvent : class
{
    private const string SystemActor = "system:deadlines";

    private readonly IEventLedger _ledger;
    private readonly DeadlineOptions _deadlines;
    private readonly ILogger _logger;
    private EventStream<TEvent> _stream = null!;
    private DeadlineReminder _reminder = null!;

    protected LedgerGrain(IEventLedger ledger, TimeProvider time, DeadlineOptions deadlines, ILogger logger)
    {
        _ledger = ledger;
        Time = time;
        _deadlines = deadlines;
        _logger = logger;
    }

    /// <summary>The domain's clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The aggregate as of the last committed event.</summary>
    protected TAggregate State { get; private set; } = null!;

    /// <summary>Name of the aggregate in metrics (<c>partnership</c>, <c>joint_program</c>).</summary>
    protected abstract string AggregateName { get; }

    /// <summary>The command the deadline reminder sends.</summary>
    protected abstract TCommand DeadlineCommand { get; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream<TEvent>(_ledger, this.GetPrimaryKeyString());
        try
        {
            await _stream.LoadAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            // A failed activation answers the call that caused it, possibly on another silo, and
            // no call filter sees it: say what happened in a form that crosses silos.
            Log.ActivationDatabaseUnavailable(_logger, ex, _stream.StreamId);
            throw new DatabaseUnavailableException($"PostgreSQL could not be reached while {_stream.StreamId} was loaded: {ex.Message}");
        }

        State = Rebuild(_stream.Events);
        _reminder = new DeadlineReminder(this, _deadlines, Time);
    }

    public Task<AggregateSnapshot<TEvent>?> GetAsync()
    {
        if (!Exists(State))
        {
            // An id that names nothing must not leave an activation behind: ids are free to guess.
            DeactivateOnIdle();
            return Task.FromResult<AggregateSnapshot<TEvent>?>(null);
        }

        return Task.FromResult<AggregateSnapshot<TEvent>?>(_stream.Snapshot());
    }

    /// <summary>A change from outside the grain: its principal came over the wire and is never the server's own.</summary>
    public async Task<CommandResult<AggregateSnapshot<TEvent>>> ExecuteAsync(TCommand command, CommandMetadata metadata) =>
        MutationMetrics.Record(AggregateName, command, AccessPolicy.CheckCaller(metadata.Principal) is { } refused
            ? CommandResult<AggregateSnapshot<TEvent>>.Rejected(refused)
            : await DecideAndCommitAsync(command, metadata));

    // The reminder acts in-process: it builds the server's principal here and goes straight to the
    // decision, not through the grain interface, which refuses that principal from any caller.
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var before = _stream.Version;
        var metadata = new CommandMetadata(SystemActor, Principal: Principal.System(SystemActor));
        MutationMetrics.Record(AggregateName, DeadlineCommand, await DecideAndCommitAsync(DeadlineCommand, metadata));
        Log.DeadlineChecked(_logger, _stream.StreamId, _stream.Version - before);
        await SyncReminderAsync(afterTick: true);
    }

    protected abstract TAggregate Rebuild(IEnumerable<TEvent> events);

    protected abstract bool Exists(TAggregate aggregate);

    protected abstract DateTimeOffset? NextDeadline(TAggregate aggregate);

    /// <summary>Null when the caller may apply the command to <see cref="State"/>; else the refusal (PERMISSION_DENIED or ROLE_NOT_ALLOWED).</summary>
    protected abstract Task<Rejection?> AuthorizeAsync(TCommand command, Principal? principal);

    /// <summary>The domain's decision on the command against <see cref="State"/>.</summary>
    protected abstract Task<Decision<TEvent>> DecideAsync(TCommand command, CommandContext context);

    /// <summary>Feed routing and the read-model row of the aggregate after the change.</summary>
    protected abstract Task<LedgerChange> DescribeAsync(TAggregate before, TAggregate after);

    private async Task<CommandResult<AggregateSnapshot<TEvent>>> DecideAndCommitAsync(TCommand command, CommandMetadata metadata)
    {
        if (await AuthorizeAsync(command, metadata.Principal) is { } denied)
        {
            return CommandResult<AggregateSnapshot<TEvent>>.Rejected(denied);
        }

        if (_stream.TryReplay(metadata, out var replay))
        {
            return replay!;
        }

        if (_stream.CheckExpectedVersion(metadata) is { } stale)
        {
            return CommandResult<AggregateSnapshot<TEvent>>.Rejected(stale);
        }

        var decision = await DecideAsync(command, new CommandContext(metadata.Actor, Time.GetUtcNow()));
        if (decision.Rejection is { } rejection)
        {
            return CommandResult<AggregateSnapshot<TEvent>>.Rejected(rejection);
        }

        if (decision.Events.Count > 0 && await CommitAsync(command, decision.Events, metadata) is { } conflict)
        {
            return CommandResult<AggregateSnapshot<TEvent>>.Rejected(conflict);
        }

        await SyncReminderAsync(afterTick: false);
        return CommandResult<AggregateSnapshot<TEvent>>.Accepted(_stream.Snapshot());
    }

    private async Task<Rejection?> CommitAsync(TCommand command, IReadOnlyList<TEvent> events, CommandMetadata metadata)
    {
        var next = Rebuild(_stream.Events.AddRange(events));
        var change = await DescribeAsync(State, next);
        if (await _stream.TryAppendAsync(events, metadata, change, command.GetType().Name, _logger, CancellationToken.None) is { } conflict)
        {
            // Another activation wrote to this stream (a duplicate activation during a membership
            // change). This one is stale: refuse, and reload on the next call.
            DeactivateOnIdle();
            return conflict;
        }

        State = next;
        return null;
    }

    private async Task SyncReminderAsync(bool afterTick)
    {
        var deadline = Exists(State) ? NextDeadline(State) : null;
        try
        {
            await _reminder.SyncAsync(deadline, afterTick);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change itself is committed; a reminder that could not be stored is retried with
            // the next change, and must not turn an acknowledged change into an error.
            Log.ReminderSyncFailed(_logger, ex, _stream.StreamId, deadline);
        }
    }
}
