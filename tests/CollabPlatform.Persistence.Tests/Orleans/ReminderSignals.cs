using System.Collections.Concurrent;

namespace CollabPlatform.Persistence.Tests.Orleans;

/// <summary>
/// Lets a test wait for a reminder tick without sleeping: the silos run in the test process, so the
/// grain completes a task the test awaits.
/// </summary>
public static class ReminderSignals
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Ticks = new();

    public static Task WaitAsync(string grainKey, string reminderName) => Signal(grainKey, reminderName).Task;

    public static void Fired(string grainKey, string reminderName) => Signal(grainKey, reminderName).TrySetResult();

    private static TaskCompletionSource Signal(string grainKey, string reminderName) =>
        Ticks.GetOrAdd($"{grainKey}/{reminderName}", _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
