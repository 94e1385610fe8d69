namespace CollabPlatform.Persistence.Tests.Orleans;

/// <summary>A minimal grain that exercises grain storage and reminders through the ADO.NET providers.</summary>
[Alias("collab.tests.probe")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("write")]
    Task WriteAsync(string text);

    [Alias("read")]
    Task<string?> ReadAsync();

    [Alias("activation")]
    Task<Guid> GetActivationIdAsync();

    [Alias("deactivate")]
    Task DeactivateAsync();

    [Alias("start-reminder")]
    Task StartReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    [Alias("stop-reminder")]
    Task StopReminderAsync(string reminderName);
}
