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

    /// <summary>The superuser created by initdb and used by the application.</summary>
    public string UserName { get; set; } = "collab";

    /// <summary>The loopback port to listen on; 0 picks a free one at every start.</summary>
    public int Port { get; set; }

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>; found automatically when not set.</summary>
    public string? BinDirectory { get; set; }
}
