namespace CollabPlatform.Grains.Deadlines;

/// <summary>
/// Keeps one Orleans reminder per grain in step with the aggregate's next deadline: registered
/// when one appears or moves, removed when none is left. Reminders tick once per
/// <see cref="DeadlineOptions.CheckPeriod"/>; within the last period the reminder is re-registered
/// to fire at the deadline itself.
/// </summary>
internal sealed class DeadlineReminder(Grain grain, DeadlineOptions options, TimeProvider time)
{
    public const string Name = "deadline";

    private bool? _registered;
    private DateTimeOffset? _scheduledDeadline;

    /// <summary>Aligns the reminder with <paramref name="deadline"/> after a change or a tick.</summary>
    public async Task SyncAsync(DateTimeOffset? deadline, bool afterTick = false)
    {
        if (deadline is not { } due)
        {
            if (_registered != false && await grain.GetReminder(Name) is { } existing)
            {
                await grain.UnregisterReminder(existing);
            }

            _registered = false;
            _scheduledDeadline = null;
            return;
        }

        var period = options.CheckPeriod;
        var remaining = due - time.GetUtcNow();
        var unchanged = _registered == true && _scheduledDeadline == due;
        if (unchanged && !(afterTick && remaining < period))
        {
            return;
        }

        var dueTime = remaining <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : remaining < period ? remaining : period;
        await grain.RegisterOrUpdateReminder(Name, dueTime, period);
        _registered = true;
        _scheduledDeadline = due;
    }
}
