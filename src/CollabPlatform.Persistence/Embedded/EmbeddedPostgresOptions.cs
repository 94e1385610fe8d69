namespace CollabPlatform.Persistence.Embedded;

/// <summary>Where and how to run the private PostgreSQL server used when no connection string is configured.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "EmbeddedPostgres";

    /// <summary>
    /// The folder that holds the cluster (<c>pgdata/</c>), its generated password and <c>postgres.log</c>;
    /// normally the project-local <c>.pgdata</c> folder. Relative paths are taken from the current directory.
    /// </summary>
    public required string DataDirectory { get; set; }

    /// <summary>The application database, created on first start.</summary>
    public string Database { get; set; } = "collab";

    /// <summary>The superuser created by initdb, used only to create the database and the roles below it.</summary>
    public string UserName { get; set; } = "collab";

    /// <summary>The loopback port to listen on; 0 picks a free one at every start.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Where a host running as root keeps the cluster when the <c>postgres</c> OS user cannot reach
    /// <see cref="DataDirectory"/>: in <c>&lt;this&gt;/&lt;project&gt;-&lt;hash of the data folder&gt;/</c>.
    /// </summary>
    public string SharedDirectory { get; set; } = ServerLocation.DefaultSharedDirectory;

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>; found automatically when not set.</summary>
    public string? BinDirectory { get; set; }
}
