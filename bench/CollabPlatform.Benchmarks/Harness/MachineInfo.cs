using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>The machine and code a run measured.</summary>
internal sealed record MachineInfo
{
    public required int Cores { get; init; }

    public required string Cpu { get; init; }

    public required long MemoryBytes { get; init; }

    public required string Os { get; init; }

    public required string Dotnet { get; init; }

    public required string PostgreSql { get; init; }

    public required string Commit { get; init; }

    /// <summary>Whether the work tree had uncommitted changes when the run started.</summary>
    public required bool Dirty { get; init; }

    public static async Task<MachineInfo> ReadAsync(string repositoryRoot)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = long.Parse(memory["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
        var commit = (await RunAsync("git", repositoryRoot, "rev-parse", "HEAD")).Trim();
        var status = await RunAsync("git", repositoryRoot, "status", "--porcelain", "--untracked-files=no");
        var postgres = Directory.Exists("/usr/lib/postgresql")
            ? string.Join(", ", Directory.GetDirectories("/usr/lib/postgresql").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            : "on PATH";
        return new MachineInfo
        {
            Cores = Environment.ProcessorCount,
            Cpu = cpu,
            MemoryBytes = kb * 1024,
            Os = $"{os} ({RuntimeInformation.OSDescription})",
            Dotnet = RuntimeInformation.FrameworkDescription,
            PostgreSql = $"PostgreSQL {postgres}",
            Commit = commit,
            Dirty = status.Length > 0,
        };
    }

    private static async Task<string> RunAsync(string file, string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
