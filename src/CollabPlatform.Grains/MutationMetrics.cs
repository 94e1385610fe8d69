using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence.Telemetry;

namespace CollabPlatform.Grains;

/// <summary>Counts every command a grain decided, by aggregate, command and outcome.</summary>
internal static class MutationMetrics
{
    public static CommandResult<TSnapshot> Record<TSnapshot>(string aggregate, object command, CommandResult<TSnapshot> result)
        where TSnapshot : class
    {
        CollabTelemetry.Mutations.Add(
            1,
            new KeyValuePair<string, object?>("collab.aggregate", aggregate),
            new KeyValuePair<string, object?>("collab.command", command.GetType().Name),
            new KeyValuePair<string, object?>("collab.outcome", result.Rejection?.Kind.ToString() ?? (result.Replayed ? "Replayed" : "Accepted")));
        return result;
    }
}
