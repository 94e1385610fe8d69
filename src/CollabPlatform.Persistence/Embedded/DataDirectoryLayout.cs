namespace CollabPlatform.Persistence.Embedded;

/// <summary>
/// The files of the embedded server: the Host's own (passwords, start lock) under <see cref="Root"/>, the
/// server's (cluster, log) under <see cref="ServerRoot"/>, which is the same folder unless the server's OS
/// user cannot reach it (see <see cref="ServerLocation"/>).
/// </summary>
internal sealed record DataDirectoryLayout(string Root, string ServerRoot)
{
    /// <summary>PGDATA: the cluster itself, owned by the OS user that runs the server.</summary>
    public string Cluster => Path.Combine(ServerRoot, "pgdata");

    /// <summary>The generated password of the superuser created by initdb, readable only by the host's OS user.</summary>
    public string PasswordFile => Path.Combine(Root, "password");

    /// <summary>The generated password of the migrator login (owner of the schema).</summary>
    public string MigratorPasswordFile => Path.Combine(Root, "migrator-password");

    /// <summary>The generated password of the runtime login the Host connects with.</summary>
    public string RuntimePasswordFile => Path.Combine(Root, "runtime-password");

    /// <summary>A copy of the password for initdb, which may run as another OS user; deleted right after.</summary>
    public string InitDbPasswordFile => Path.Combine(ServerRoot, "initdb.pwfile");

    public string LogFile => Path.Combine(ServerRoot, "postgres.log");

    /// <summary>Held while a host starts the server, so that two hosts never initialise or start the same cluster at once.</summary>
    public string StartLockFile => Path.Combine(Root, "start.lock");

    /// <summary>The major version of the cluster. initdb works in a staging folder renamed to <see cref="Cluster"/> only when it succeeded, so this file means a complete cluster.</summary>
    public string VersionFile => Path.Combine(Cluster, "PG_VERSION");

    public string PidFile => Path.Combine(Cluster, "postmaster.pid");

    public bool IsInitialised => File.Exists(VersionFile);
}
