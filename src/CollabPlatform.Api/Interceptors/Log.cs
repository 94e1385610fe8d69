using Microsoft.Extensions.Logging;

namespace CollabPlatform.Api.Interceptors;

/// <summary>Log messages of the error safety net and of authentication (event ids 3000–3099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "{Method} failed with an unexpected error; answered INTERNAL with correlation id {CorrelationId}")]
    public static partial void UnexpectedError(ILogger logger, Exception exception, string method, string correlationId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Method} could not be served ({Cause}); answered UNAVAILABLE")]
    public static partial void Unavailable(ILogger logger, Exception exception, string method, string cause);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Method} answered UNKNOWN from a handler; sent INTERNAL with correlation id {CorrelationId} instead")]
    public static partial void UnknownStatusReplaced(ILogger logger, string method, string correlationId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "{Method} refused as UNAUTHENTICATED: {Problem}")]
    public static partial void Unauthenticated(ILogger logger, string method, string problem);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "{Method} refused to {Subject}: the role {Role} may not call it")]
    public static partial void RoleNotAllowed(ILogger logger, string method, string subject, string role);
}
