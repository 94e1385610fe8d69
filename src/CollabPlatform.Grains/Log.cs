using Microsoft.Extensions.Logging;

namespace CollabPlatform.Grains;

/// <summary>Log messages of the grains (event ids 2000–2099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Stream {StreamId} moved past version {Version} under this activation; the change was refused and the activation will reload")]
    public static partial void LedgerConflict(ILogger logger, string streamId, long version);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Could not align the deadline reminder of {GrainKey} with {Deadline}; the next change or activation retries")]
    public static partial void ReminderSyncFailed(ILogger logger, Exception exception, string grainKey, DateTimeOffset? deadline);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Deadline check of {GrainKey} produced {Count} event(s)")]
    public static partial void DeadlineChecked(ILogger logger, string grainKey, long count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "{GrainId}.{Method} failed because PostgreSQL could not be reached; the caller is told to retry")]
    public static partial void DatabaseUnavailable(ILogger logger, Exception exception, string grainId, string method);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Could not load {StreamId} because PostgreSQL could not be reached; the activation failed and the caller is told to retry")]
    public static partial void ActivationDatabaseUnavailable(ILogger logger, Exception exception, string streamId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Could not copy {Count} audit record(s) of {GrainKey} to the audit log; they stay in the grain's stored state and are copied on its next call or activation")]
    public static partial void AuditOutboxPending(ILogger logger, Exception exception, string grainKey, int count);
}
