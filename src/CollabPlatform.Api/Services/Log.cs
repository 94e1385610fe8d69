using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.Logging;

namespace CollabPlatform.Api.Services;

/// <summary>Log messages of the gRPC services (event ids 3100–3199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "A feed of {Scope} starts after cursor '{Cursor}'")]
    public static partial void WatchStarted(ILogger logger, string scope, string cursor);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "A feed of {Scope} ended at cursor {Cursor}")]
    public static partial void WatchEnded(ILogger logger, string scope, LedgerCursor cursor);
}
