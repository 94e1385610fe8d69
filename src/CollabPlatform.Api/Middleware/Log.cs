using Microsoft.Extensions.Logging;

namespace CollabPlatform.Api.Middleware;

/// <summary>Log messages of the checks before the endpoints (event ids 3200–3249).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "{Method} from {RemoteAddress} refused as UNAUTHENTICATED before its body was read: {Problem} ({Suppressed} more refusals not logged since the last entry)")]
    public static partial void Unauthenticated(ILogger logger, string method, string remoteAddress, string problem, long suppressed);
}
