using System.Diagnostics;

namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>kubectl, where it is installed; CI machines may not have it, so tests needing it are skipped there.</summary>
public static class Kubectl
{
    private static readonly Lazy<string?> LazyPath = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl"))
            .FirstOrDefault(File.Exists));

    /// <summary>The kubectl binary on PATH, or null.</summary>
    public static string? Executable => LazyPath.Value;

    /// <summary>Output of <c>kubectl kustomize</c> on a directory (it needs no cluster).</summary>
    public static async Task<string> KustomizeAsync(string directory)
    {
        var path = Executable ?? throw new InvalidOperationException("kubectl is not on PATH");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"kubectl kustomize {directory} exited with {process.ExitCode}: {await error}");
    }
}
