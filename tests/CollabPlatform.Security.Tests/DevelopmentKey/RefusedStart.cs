using System.Diagnostics;
using System.Globalization;
using System.Text;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.DevelopmentKey;

/// <summary>
/// Starts a Host that is expected to refuse to start, and returns its exit code and everything it
/// printed, read to the end (a Host that becomes ready instead is stopped and reported).
/// </summary>
public static class RefusedStart
{
    private const string ReadyMarker = "CollabPlatform ready";

    public static async Task<(int ExitCode, string Output)> RunAsync(string label, IReadOnlyDictionary<string, string> settings, TimeSpan within)
    {
        await using var database = await PrivateDatabase.StartAsync(label);
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:Collab"] = database.ConnectionString,
            ["Collab:Orleans:ClusterId"] = $"{label}-{Guid.NewGuid().ToString("N")[..8]}",
            ["Collab:Api:ListenAddress"] = "127.0.0.1",
            ["Collab:Api:GrpcPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Collab:Api:HttpPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Collab:Orleans:SiloPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Collab:Orleans:GatewayPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in TestSigningKey.HostSettings.Concat(settings))
        {
            all[key] = value;
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostProcess.HostAssemblyPath())!,
        };
        info.ArgumentList.Add(HostProcess.HostAssemblyPath());
        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(e.Data).Append('\n');
            }

            if (e.Data.Contains(ReadyMarker, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var bound = new CancellationTokenSource(within);
        var exited = process.WaitForExitAsync(bound.Token);
        if (await Task.WhenAny(exited, ready.Task) == ready.Task)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"the Host started although it should have refused:\n{Text(output)}");
        }

        try
        {
            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"the Host neither started nor exited within {within}:\n{Text(output)}");
        }

        return (process.ExitCode, Text(output));
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
