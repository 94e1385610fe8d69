using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>
/// The README's run command on a fresh machine, as root, in a clone inside a private (0700) folder: the
/// embedded cluster cannot live in the clone's .pgdata, which the 'postgres' OS user cannot reach, so it
/// lives in a folder of that user's own, named in the ready line and found again by the next start.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed partial class PrivateCloneAsRootTests(ITestOutputHelper output)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [RunningAsRootFact]
    public async Task Host_InAPrivateRootFolder_KeepsItsClusterInAPostgresOwnedFolderNamedInTheReadyLineAndReusesIt()
    {
        var clone = Directory.CreateTempSubdirectory("collab-private-clone-");
        string? serverFolder = null;
        try
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(clone.FullName));
            var host = Path.Combine(clone.FullName, "host");
            CopyDirectory(Path.GetDirectoryName(HostProcess.HostAssemblyPath())!, host);
            var data = Path.Combine(host, ".pgdata");

            var first = await RunHostUntilReadyAsync(host, "first start");
            serverFolder = first.ServerFolder;
            Assert.StartsWith("/var/lib/collab/embedded/host-", serverFolder, StringComparison.Ordinal);
            Assert.Contains("Initialising a new PostgreSQL cluster", first.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(serverFolder, "pgdata", "PG_VERSION")), $"no cluster in {serverFolder}");
            Assert.Equal("postgres", await OwnerAsync(serverFolder));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(serverFolder));
            Assert.False(Directory.Exists(Path.Combine(data, "pgdata")), "a cluster was made in the clone's .pgdata after all");
            foreach (var secret in new[] { "password", "migrator-password", "runtime-password", "dev-signing-key.json" })
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, secret)));
                Assert.Equal("root", await OwnerAsync(Path.Combine(data, secret)));
            }

            Assert.Equal(OwnerOnly, File.GetUnixFileMode(clone.FullName));

            var second = await RunHostUntilReadyAsync(host, "second start");
            Assert.Equal(serverFolder, second.ServerFolder);
            Assert.DoesNotContain("Initialising a new PostgreSQL cluster", second.Output, StringComparison.Ordinal);
        }
        finally
        {
            clone.Delete(recursive: true);
            if (serverFolder is not null && Directory.Exists(serverFolder))
            {
                Directory.Delete(serverFolder, recursive: true);
            }
        }
    }

    /// <summary>Starts the copied Host in <paramref name="workingDirectory"/>, waits for SERVING, stops it with SIGTERM; returns the folder its ready line names.</summary>
    private async Task<(string ServerFolder, string Output)> RunHostUntilReadyAsync(string workingDirectory, string phase)
    {
        var grpcPort = HostProcess.FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(workingDirectory, "CollabPlatform.Host.dll"));
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Collab:Orleans:ClusterId"] = "private-clone-" + Guid.NewGuid().ToString("N")[..8],
            ["Collab:Orleans:SiloPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Collab:Orleans:GatewayPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Collab:Api:ListenAddress"] = "127.0.0.1",
            ["Collab:Api:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Collab:Api:HttpPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment.Remove("ConnectionStrings__Collab");

        var lines = new StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.AppendLine(line);
            }

            if (line.Contains("CollabPlatform ready", StringComparison.Ordinal))
            {
                ready.TrySetResult(line);
            }
        }

        string Output()
        {
            lock (lines)
            {
                return lines.ToString();
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{phase}: the Host exited with code {process.ExitCode} before it was ready:\n{Output()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var readyLine = await ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
            output.WriteLine($"{phase}: {readyLine}");
            var named = EmbeddedFolder().Match(readyLine);
            Assert.True(named.Success, $"{phase}: the ready line names no embedded PostgreSQL folder: {readyLine}");

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}");
            Assert.Equal(HealthProbe.Serving, await HealthProbe.CheckAsync(channel.CreateCallInvoker(), string.Empty, TimeSpan.FromSeconds(10)));

            Assert.Equal(0, NativeMethods.Kill(process.Id, 15));
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(stopping.Token);
            Assert.True(process.ExitCode == 0, $"{phase}: the Host stopped with exit code {process.ExitCode}:\n{Output()}");
            return (named.Groups["folder"].Value, Output());
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{phase}: the Host was not ready within 3 minutes:\n{Output()}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static async Task<string> OwnerAsync(string path)
    {
        var info = new ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var stat = Process.Start(info)!;
        var owner = await stat.StandardOutput.ReadToEndAsync();
        await stat.WaitForExitAsync();
        return owner.Trim();
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith(".pgdata", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    [GeneratedRegex(@"embedded PostgreSQL on 127\.0\.0\.1:\d+ in (?<folder>/\S+)")]
    private static partial Regex EmbeddedFolder();
}
