using System.Globalization;

namespace CollabPlatform.Persistence.Embedded;

/// <summary>The PostgreSQL server tools the embedded server needs, and where they were found.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl, string FoundVia)
{
    // Debian and Ubuntu keep server binaries off PATH, one folder per major version.
    private const string DebianVersionsRoot = "/usr/lib/postgresql";

    /// <summary>
    /// Looks in the configured folder; else where <c>pg_config --bindir</c> points; else on PATH;
    /// else in the newest <c>/usr/lib/postgresql/N/bin</c>.
    /// </summary>
    public static async Task<PostgresBinaries> LocateAsync(string? binDirectory, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            return InDirectory(binDirectory, "the configured BinDirectory")
                ?? throw PostgresUnavailableException.BinariesNotInConfiguredDirectory(binDirectory);
        }

        if (FindOnPath("pg_config") is { } pgConfig)
        {
            var result = await ProcessRunner.RunAsync(pgConfig, ["--bindir"], workingDirectory: null, cancellationToken);
            if (result.Succeeded && InDirectory(result.StandardOutput.Trim(), "pg_config --bindir") is { } viaPgConfig)
            {
                return viaPgConfig;
            }
        }

        if (FindOnPath("initdb") is { } initDb && FindOnPath("pg_ctl") is { } pgCtl)
        {
            return new PostgresBinaries(initDb, pgCtl, "PATH");
        }

        var newestDebian = Directory.Exists(DebianVersionsRoot)
            ? Directory.EnumerateDirectories(DebianVersionsRoot)
                .Select(path => (Path: path, Major: int.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1))
                .Where(candidate => candidate.Major >= 0)
                .OrderByDescending(candidate => candidate.Major)
                .Select(candidate => InDirectory(Path.Combine(candidate.Path, "bin"), DebianVersionsRoot))
                .FirstOrDefault(found => found is not null)
            : null;

        return newestDebian ?? throw PostgresUnavailableException.BinariesNotFound();
    }

    private static PostgresBinaries? InDirectory(string directory, string foundVia)
    {
        var initDb = Path.Combine(directory, ExecutableName("initdb"));
        var pgCtl = Path.Combine(directory, ExecutableName("pg_ctl"));
        return File.Exists(initDb) && File.Exists(pgCtl) ? new PostgresBinaries(initDb, pgCtl, foundVia) : null;
    }

    private static string? FindOnPath(string tool)
    {
        var fileName = ExecutableName(tool);
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, fileName))
            .FirstOrDefault(File.Exists);
    }

    private static string ExecutableName(string tool) => OperatingSystem.IsWindows() ? tool + ".exe" : tool;
}
