using CollabPlatform.Persistence.Feeds;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// Where the data lives. With no connection string the Host runs its own PostgreSQL from the
/// machine's binaries in <see cref="DataDirectory"/>.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section of the non-secret settings.</summary>
    public const string Section = "Collab:Database";

    /// <summary>Name of the connection string the Host runs with (<c>ConnectionStrings:Collab</c>, env <c>ConnectionStrings__Collab</c>): a least-privileged login.</summary>
    public const string ConnectionStringName = "Collab";

    /// <summary>
    /// Name of the optional connection string that migrations run with (<c>ConnectionStrings:CollabMigrator</c>,
    /// env <c>ConnectionStrings__CollabMigrator</c>): the schema's owner. Without it, migrations use <see cref="ConnectionStringName"/>.
    /// </summary>
    public const string MigratorConnectionStringName = "CollabMigrator";

    /// <summary>Folder of the embedded PostgreSQL; relative paths are resolved against the working directory.</summary>
    public string DataDirectory { get; set; } = ".pgdata";

    /// <summary>Fixed port for the embedded server; 0 picks a free loopback port at each start.</summary>
    public int EmbeddedPort { get; set; }

    /// <summary>Folder with initdb and pg_ctl, when they are not found on their own.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Apply pending migrations at start-up (production runs the migrate job instead).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// How long a session of ours may stay idle inside a transaction before PostgreSQL ends it
    /// (idle_in_transaction_session_timeout); an open ledger writer holds every feed back until it
    /// ends (docs/feeds.md). Zero keeps the server's setting.
    /// </summary>
    public TimeSpan IdleInTransactionTimeout { get; set; } = SessionTimeouts.DefaultIdleInTransaction;
}
