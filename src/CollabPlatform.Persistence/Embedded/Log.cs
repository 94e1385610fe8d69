using Microsoft.Extensions.Logging;

namespace CollabPlatform.Persistence.Embedded;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Using PostgreSQL tools {InitDb} and {PgCtl} (found via {FoundVia}), run as OS user {OsUser}")]
    public static partial void UsingBinaries(this ILogger logger, string initDb, string pgCtl, string foundVia, string osUser);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Initialising a new PostgreSQL cluster in {ClusterDirectory}")]
    public static partial void Initialising(this ILogger logger, string clusterDirectory);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Initialised the PostgreSQL cluster in {ElapsedMilliseconds} ms")]
    public static partial void Initialised(this ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Locale C.UTF-8 is not available; initialising the cluster with locale C")]
    public static partial void FallingBackToLocaleC(this ILogger logger);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Embedded PostgreSQL {Version} started on 127.0.0.1:{Port} in {ElapsedMilliseconds} ms (data in {DataDirectory})")]
    public static partial void Started(this ILogger logger, string version, int port, long elapsedMilliseconds, string dataDirectory);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Reusing the PostgreSQL server already running on 127.0.0.1:{Port} (PID {ProcessId}, data in {DataDirectory})")]
    public static partial void Adopted(this ILogger logger, int port, int processId, string dataDirectory);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Port {Port} is taken; starting PostgreSQL on port {NextPort} instead")]
    public static partial void PortTaken(this ILogger logger, int port, int nextPort);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "The running PostgreSQL server listens on port {Port}, not on the configured port {ConfiguredPort}")]
    public static partial void AdoptedOnOtherPort(this ILogger logger, int port, int configuredPort);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Created database {Database}")]
    public static partial void CreatedDatabase(this ILogger logger, string database);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Embedded PostgreSQL on port {Port} stopped in {ElapsedMilliseconds} ms")]
    public static partial void Stopped(this ILogger logger, int port, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Embedded PostgreSQL on port {Port} was already stopped")]
    public static partial void AlreadyStopped(this ILogger logger, int port);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Stopping the embedded PostgreSQL on port {Port} failed")]
    public static partial void StopFailed(this ILogger logger, Exception exception, int port);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "The OS user {OsUser} cannot reach {DataDirectory}; the embedded PostgreSQL cluster lives in {ServerDirectory} instead (the passwords stay in the data folder)")]
    public static partial void Relocated(this ILogger logger, string dataDirectory, string osUser, string serverDirectory);
}
