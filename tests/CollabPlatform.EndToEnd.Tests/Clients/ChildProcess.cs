using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CollabPlatform.EndToEnd.Tests.Clients;

/// <summary>
/// Runs a program to its end within a time limit (then kills its whole process tree) and
/// captures what it prints; a program that cannot be started ends with exit code -1.
/// </summary>
public static class ChildProcess
{
    public static async Task<ChildResult> RunAsync(
        string file,
        IEnumerable<string> arguments,
        TimeSpan limit,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var command = $"{file} {string.Join(' ', info.ArgumentList)}";
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new ChildResult(command, -1, string.Empty, $"could not start {file}: {ex.Message}", TimedOut: false);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported as a time-out below, with whatever was printed so far.
            }
        }

        return new ChildResult(command, process.HasExited ? process.ExitCode : -1, Text(output), Text(error), timedOut);
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
