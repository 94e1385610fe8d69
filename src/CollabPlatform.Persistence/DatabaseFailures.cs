using Npgsql;

namespace CollabPlatform.Persistence;

/// <summary>
/// Which database failures mean "PostgreSQL cannot be reached now, try again": the server is down,
/// restarting or shutting down, a connection broke, or the pool ran dry. A call that failed this
/// way changed nothing unless its commit's answer was lost, which a retry with the same request id
/// settles. Everything else (a bad statement, a constraint) is a fault of its own.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>57P01: the server ends sessions for a shutdown (<c>pg_ctl stop -m fast</c>).</summary>
    private const string AdminShutdown = "57P01";

    /// <summary>57P02: the server ends sessions after another backend crashed.</summary>
    private const string CrashShutdown = "57P02";

    /// <summary>57P03: the server is starting up or shutting down.</summary>
    private const string CannotConnectNow = "57P03";

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState is AdminShutdown or CrashShutdown or CannotConnectNow,

        // Npgsql's own failures (not the server's): transient when caused by I/O, a socket or a
        // timeout, which includes failing to connect and waiting too long for a pooled connection.
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };
}
