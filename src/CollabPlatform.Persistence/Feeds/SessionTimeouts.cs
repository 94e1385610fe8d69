using System.Globalization;
using Npgsql;

namespace CollabPlatform.Persistence.Feeds;

/// <summary>
/// Bounds how long one of our sessions can hold the feed horizon: PostgreSQL ends a session that
/// sits idle inside a transaction longer than the timeout, which rolls the transaction back.
/// </summary>
public static class SessionTimeouts
{
    /// <summary>The default of <c>Collab:Database:IdleInTransactionTimeout</c>.</summary>
    public static readonly TimeSpan DefaultIdleInTransaction = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The connection string with <c>idle_in_transaction_session_timeout</c> set at session start
    /// (<c>Options=-c …</c>, after any options it already had); zero leaves the server's setting.
    /// </summary>
    public static string WithIdleInTransactionTimeout(string connectionString, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        if (timeout == TimeSpan.Zero)
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var setting = string.Create(CultureInfo.InvariantCulture, $"-c idle_in_transaction_session_timeout={(long)Math.Ceiling(timeout.TotalMilliseconds)}");
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : builder.Options + " " + setting;
        return builder.ConnectionString;
    }
}
