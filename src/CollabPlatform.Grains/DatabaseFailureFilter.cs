using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence;
using Microsoft.Extensions.Logging;

namespace CollabPlatform.Grains;

/// <summary>
/// Turns a grain call that failed because PostgreSQL was unreachable into a
/// <see cref="DatabaseUnavailableException"/>. The driver's exceptions have no Orleans codec, so a
/// caller on another silo would otherwise receive a serialization failure instead of the cause,
/// and the API could not tell an outage (UNAVAILABLE) from a fault (INTERNAL).
/// </summary>
internal sealed class DatabaseFailureFilter(ILogger<DatabaseFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            Log.DatabaseUnavailable(logger, ex, context.TargetId.ToString(), context.MethodName);
            throw new DatabaseUnavailableException($"PostgreSQL could not be reached during {context.InterfaceName}.{context.MethodName}: {ex.Message}");
        }
    }
}
