using System.Diagnostics;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.Database;

/// <summary>The <c>collab</c> command run as an operator runs it: a process of its own, from its build output.</summary>
internal static class CollabCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan within, params string[] args)
    {
        // The CLI's output folder mirrors the Host's: src/<project>/bin/<configuration>/<framework>/.
        var hostDirectory = new DirectoryInfo(Path.GetDirectoryName(HostProcess.HostAssemblyPath())!);
        var source = hostDirectory.Parent!.Parent!.Parent!.Parent!.FullName;
        var cli = Path.Combine(source, "CollabPlatform.Cli", "bin", hostDirectory.Parent.Name, hostDirectory.Name, "collab.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("ConnectionStrings__Collab");
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {cli}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"collab {string.Join(' ', args.Take(2))} did not finish within {within}");
        }

        return (process.ExitCode, await output, await error);
    }
}
