namespace CollabPlatform.Persistence.Embedded;

/// <summary>
/// The OS user that runs initdb and the server. PostgreSQL refuses to run as root, so a root host runs
/// them as the <c>postgres</c> user (created by the distribution's server package) and hands it the cluster folder.
/// </summary>
internal sealed class ServerAccount
{
    private const string ServerUser = "postgres";

    private static readonly string[] SwitchUserTools = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/setpriv", "/bin/setpriv"];

    private readonly string? _switchUserTool;

    private ServerAccount(string? switchUserTool) => _switchUserTool = switchUserTool;

    /// <summary>The OS user name the server runs as, for messages.</summary>
    public string UserName => _switchUserTool is null ? Environment.UserName : ServerUser;

    public bool IsSeparateUser => _switchUserTool is not null;

    public static async Task<ServerAccount> ResolveAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(switchUserTool: null);
        }

        var switchUserTool = SwitchUserTools.FirstOrDefault(File.Exists);
        if (switchUserTool is null)
        {
            throw PostgresUnavailableException.NoServerAccount();
        }

        var lookup = await ProcessRunner.RunAsync("id", ["-u", ServerUser], workingDirectory: null, cancellationToken);
        return lookup.Succeeded ? new ServerAccount(switchUserTool) : throw PostgresUnavailableException.NoServerAccount();
    }

    /// <summary>Runs a PostgreSQL tool as the server's OS user.</summary>
    public Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        if (_switchUserTool is null)
        {
            return ProcessRunner.RunAsync(executable, arguments, workingDirectory, cancellationToken);
        }

        IEnumerable<string> prefix = Path.GetFileName(_switchUserTool) == "runuser"
            ? ["-u", ServerUser, "--"]
            : [$"--reuid={ServerUser}", $"--regid={ServerUser}", "--init-groups", "--"];
        return ProcessRunner.RunAsync(_switchUserTool, [.. prefix, executable, .. arguments], workingDirectory, cancellationToken);
    }

    /// <summary>Makes a file or folder (recursively) the server user's own; nothing to do when that is us.</summary>
    public async Task GiveAsync(string path, string logFile, CancellationToken cancellationToken)
    {
        if (_switchUserTool is null)
        {
            return;
        }

        var result = await ProcessRunner.RunAsync("chown", ["-R", $"{ServerUser}:", path], workingDirectory: null, cancellationToken);
        if (!result.Succeeded)
        {
            throw PostgresUnavailableException.CommandFailed($"hand '{path}' to the '{ServerUser}' OS user", result.FirstErrorLine(), logFile);
        }
    }

    /// <summary>Whether the server user can open a folder (search permission on it and on every folder above it).</summary>
    public async Task<bool> CanReachAsync(string directory, CancellationToken cancellationToken)
    {
        if (_switchUserTool is null)
        {
            return true;
        }

        var probe = await RunAsync("test", ["-x", directory], "/", cancellationToken);
        return probe.Succeeded;
    }

    /// <summary>Whether the server user can create files in a folder (all parent folders must be reachable too).</summary>
    public async Task<bool> CanWriteAsync(string directory, CancellationToken cancellationToken)
    {
        if (_switchUserTool is null)
        {
            return true;
        }

        var probe = await RunAsync("test", ["-w", directory, "-a", "-x", directory], "/", cancellationToken);
        return probe.Succeeded;
    }
}
