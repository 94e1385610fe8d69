using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>
/// The kubectl whose <c>kustomize</c> renders the manifests: the file <see cref="PathVariable"/> names,
/// else the first kubectl on PATH. Where it is missing or its kustomize is older than v5, every call
/// fails with one line saying what to install, so that the deployment tests fail rather than pass unchecked.
/// </summary>
public sealed partial class Kubectl
{
    /// <summary>Environment variable naming the kubectl binary to use instead of the one on PATH.</summary>
    public const string PathVariable = "COLLAB_KUBECTL";

    /// <summary>The oldest kustomize whose features (labels with includeTemplates, patches) the manifests use.</summary>
    public const int RequiredKustomizeMajor = 5;

    private const string Install = "install kubectl with kustomize v5 (kubectl 1.27 or later; Debian's kubernetes-client is older) on PATH, or set " + PathVariable + " to its path";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private Kubectl(string executable) => Executable = executable;

    /// <summary>The binary this instance runs.</summary>
    public string Executable { get; }

    /// <summary>Finds kubectl through <paramref name="environment"/> (a variable look-up, the process's in the tests).</summary>
    /// <exception cref="InvalidOperationException">No kubectl is there; the message is one line naming what to install.</exception>
    public static Kubectl Locate(Func<string, string?> environment)
    {
        var configured = environment(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? new Kubectl(configured)
                : throw new InvalidOperationException($"kubectl not found at {PathVariable}={configured}: {Install}");
        }

        var found = (environment("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl"))
            .FirstOrDefault(File.Exists);
        return found is not null ? new Kubectl(found) : throw new InvalidOperationException($"kubectl is not on PATH: {Install}");
    }

    /// <summary>Fails with one line unless this kubectl's kustomize is v5 or later.</summary>
    public async Task RequireKustomizeV5Async(CancellationToken cancellationToken)
    {
        var output = await RunAsync(["version", "--client"], cancellationToken);
        var match = KustomizeVersionPattern().Match(output);
        if (!match.Success || int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture) < RequiredKustomizeMajor)
        {
            var version = match.Success ? $"kustomize v{match.Groups["version"].Value}" : "no kustomize version";
            throw new InvalidOperationException($"{Executable} reports {version}: {Install}");
        }
    }

    /// <summary>Output of <c>kubectl kustomize</c> on a directory (it needs no cluster).</summary>
    public Task<string> KustomizeAsync(string directory, CancellationToken cancellationToken) =>
        RunAsync(["kustomize", directory], cancellationToken);

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"could not run {Executable} ({ex.Message}): {Install}", ex);
        }

        using var process = started ?? throw new InvalidOperationException($"could not run {Executable}: {Install}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s");
        }

        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await error).Trim()}");
    }

    [GeneratedRegex(@"Kustomize Version:\s*v?(?<version>(?<major>\d+)[0-9A-Za-z.+-]*)")]
    private static partial Regex KustomizeVersionPattern();
}
