namespace CollabPlatform.Persistence.Tests.Orleans;

public sealed class ProbeGrain(
    [PersistentState("probe", AdoNetProbeConfigurator.StorageName)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain, IRemindable
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task WriteAsync(string text)
    {
        state.State = new ProbeState { Text = text };
        await state.WriteStateAsync();
    }

    public Task<string?> ReadAsync() => Task.FromResult(state.State.Text);

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task StartReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task StopReminderAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderSignals.Fired(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
