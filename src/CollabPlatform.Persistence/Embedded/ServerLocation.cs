using System.Security.Cryptography;
using System.Text;

namespace CollabPlatform.Persistence.Embedded;

/// <summary>
/// Where the cluster lives. Normally in the data folder; but a root host whose data folder the
/// <c>postgres</c> OS user cannot reach (a clone in root's home or any private folder) keeps the
/// cluster in a folder of that user's own under <see cref="EmbeddedPostgresOptions.SharedDirectory"/>,
/// named after the data folder, instead of opening up the user's folders.
/// </summary>
internal static class ServerLocation
{
    /// <summary>The default parent of relocated clusters.</summary>
    public const string DefaultSharedDirectory = "/var/lib/collab/embedded";

    /// <summary>
    /// The server folder for <paramref name="dataDirectory"/>: a cluster that already exists (here or
    /// in its relocated folder) is kept where it is; a new one goes to the data folder when the
    /// server's user can reach it, and to the relocated folder (created, mode 0700, owned by that user) otherwise.
    /// </summary>
    public static async Task<string> ResolveAsync(string dataDirectory, string sharedDirectory, ServerAccount account, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            return dataDirectory;
        }

        if (!account.IsSeparateUser || File.Exists(Path.Combine(dataDirectory, "pgdata", "PG_VERSION")))
        {
            return dataDirectory;
        }

        var relocated = RelocatedFolder(dataDirectory, sharedDirectory);
        if (Directory.Exists(relocated))
        {
            return relocated;
        }

        if (await account.CanReachAsync(dataDirectory, cancellationToken))
        {
            return dataDirectory;
        }

        Directory.CreateDirectory(sharedDirectory);
        Directory.CreateDirectory(relocated, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await account.GiveAsync(relocated, Path.Combine(relocated, "postgres.log"), cancellationToken);
        if (!await account.CanWriteAsync(relocated, cancellationToken))
        {
            throw PostgresUnavailableException.DataDirectoryUnreachable(relocated, account.UserName);
        }

        return relocated;
    }

    /// <summary>
    /// <c>&lt;shared&gt;/&lt;project&gt;-&lt;hash&gt;</c>: the project is the data folder's parent (the clone), the hash the
    /// first 12 hex digits of SHA-256 of the data folder's full path, so two clones never share a cluster.
    /// </summary>
    public static string RelocatedFolder(string dataDirectory, string sharedDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        var project = Path.GetFileName(Path.GetDirectoryName(full)) is { Length: > 0 } parent ? parent : "root";
        var name = new string([.. project.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').Take(40)]).TrimStart('.');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12];
        return Path.Combine(Path.GetFullPath(sharedDirectory), $"{(name.Length == 0 ? "project" : name)}-{hash}");
    }
}
