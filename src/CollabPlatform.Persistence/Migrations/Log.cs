using Microsoft.Extensions.Logging;

namespace CollabPlatform.Persistence.Migrations;

internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Applying migration {Migration}")]
    public static partial void Applying(this ILogger logger, string migration);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Applied migration {Migration} in {ElapsedMilliseconds} ms")]
    public static partial void Applied(this ILogger logger, string migration, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Migration {Migration} was applied meanwhile by another process")]
    public static partial void AppliedElsewhere(this ILogger logger, string migration);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "The database has migration {Version} ({Migration}), which this build does not know; it was probably applied by a newer version")]
    public static partial void UnknownMigration(this ILogger logger, int version, string migration);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Database schema is up to date at version {Version}; {AppliedCount} migrations applied now")]
    public static partial void UpToDate(this ILogger logger, int version, int appliedCount);
}
