using System.Diagnostics;
using System.Text;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.Streams;

/// <summary>The <c>collab</c> command as a child process from its build output, as a user runs it.</summary>
public static class CollabProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan within, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliAssemblyPath());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var bound = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            throw new TimeoutException($"collab {string.Join(' ', args)} did not finish within {within}:\n{Text(output)}\n{Text(error)}");
        }

        // WaitForExitAsync also waits for the redirected streams to close.
        return (process.ExitCode, Text(output), Text(error));
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is not null)
        {
            lock (builder)
            {
                builder.Append(line).Append('\n');
            }
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static string CliAssemblyPath()
    {
        var host = HostProcess.HostAssemblyPath();
        var configuration = new DirectoryInfo(Path.GetDirectoryName(host)!).Parent!.Name;
        var src = new DirectoryInfo(host).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(src, "CollabPlatform.Cli", "bin", configuration, "net10.0", "collab.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the collab command first", path);
    }
}
