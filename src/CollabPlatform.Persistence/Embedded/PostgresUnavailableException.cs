namespace CollabPlatform.Persistence.Embedded;

/// <summary>
/// The embedded PostgreSQL server cannot be run on this machine. The message is one sentence that tells
/// the operator what to install or configure, so the Host can print it and exit.
/// </summary>
public sealed class PostgresUnavailableException : Exception
{
    private const string Alternative = "or set the connection string ConnectionStrings:Collab (environment variable ConnectionStrings__Collab) to use an existing PostgreSQL server";

    public PostgresUnavailableException()
        : this("The embedded PostgreSQL server is not available")
    {
    }

    public PostgresUnavailableException(string message)
        : base(message)
    {
    }

    public PostgresUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static PostgresUnavailableException BinariesNotFound() =>
        new($"PostgreSQL server binaries (initdb, pg_ctl) were not found: install them (e.g. 'apt-get install -y postgresql') {Alternative}.");

    internal static PostgresUnavailableException BinariesNotInConfiguredDirectory(string directory) =>
        new($"PostgreSQL server binaries (initdb, pg_ctl) were not found in '{directory}' ({EmbeddedPostgresOptions.SectionName}:{nameof(EmbeddedPostgresOptions.BinDirectory)}): point it at the folder that holds them, install them (e.g. 'apt-get install -y postgresql') {Alternative}.");

    internal static PostgresUnavailableException NoServerAccount() =>
        new($"PostgreSQL refuses to run as root and there is no 'postgres' OS user (or no runuser/setpriv) to run it as: install the PostgreSQL server package (e.g. 'apt-get install -y postgresql'), which creates that user, run the Host as an ordinary user, {Alternative}.");

    internal static PostgresUnavailableException DataDirectoryUnreachable(string directory, string user) =>
        new($"The OS user '{user}' that runs the embedded PostgreSQL cannot write to '{directory}': move the data folder to a place that user can reach (e.g. outside a private home folder) {Alternative}.");

    internal static PostgresUnavailableException PasswordFileMissing(string passwordFile, string? relocatedCluster = null) =>
        new($"The embedded PostgreSQL data has no password file '{passwordFile}': restore it, delete the data folder{(relocatedCluster is null ? string.Empty : $" and the cluster's folder '{relocatedCluster}'")} to start afresh (this deletes the data), {Alternative}.");

    internal static PostgresUnavailableException NotACluster(string clusterDirectory) =>
        new($"The folder '{clusterDirectory}' is not empty but holds no PostgreSQL cluster (it has no PG_VERSION file): move it away so that a new cluster can be created there {Alternative}.");

    internal static PostgresUnavailableException CommandFailed(string step, string detail, string logFile) =>
        new($"The embedded PostgreSQL server could not {step} ({detail}; see {logFile}): fix the cause {Alternative}.");

    internal static PostgresUnavailableException CommandFailed(string step, string detail, string logFile, Exception innerException) =>
        new($"The embedded PostgreSQL server could not {step} ({detail}; see {logFile}): fix the cause {Alternative}.", innerException);
}
