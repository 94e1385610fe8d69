namespace CollabPlatform.Persistence.Embedded;

/// <summary>The files the embedded server keeps under its data folder.</summary>
internal sealed record DataDirectoryLayout(string Root)
{
    /// <summary>PGDATA: the cluster itself, owned by the OS user that runs the server.</summary>
    public string Cluster => Path.Combine(Root, "pgdata");

    /// <summary>The generated password of the database user, readable only by the host's OS user.</summary>
    public string PasswordFile => Path.Combine(Root, "password");

    /// <summary>A copy of the password for initdb, which may run as another OS user; deleted right after.</summary>
    public string InitDbPasswordFile => Path.Combine(Root, "initdb.pwfile");

    public string LogFile => Path.Combine(Root, "postgres.log");

    /// <summary>Held while a host starts the server, so that two hosts never initialise or start the same cluster at once.</summary>
    public string StartLockFile => Path.Combine(Root, "start.lock");

    /// <summary>The major version of the cluster. initdb works in a staging folder renamed to <see cref="Cluster"/> only when it succeeded, so this file means a complete cluster.</summary>
    public string VersionFile => Path.Combine(Cluster, "PG_VERSION");

    public string PidFile => Path.Combine(Cluster, "postmaster.pid");

    public bool IsInitialised => File.Exists(VersionFile);
}
