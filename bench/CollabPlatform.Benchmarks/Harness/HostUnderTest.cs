using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// A real Host process started from its build output (same configuration as this program), with
/// settings on its command line, so that its CPU and memory can be read from /proc apart from the
/// load generator's.
/// </summary>
internal sealed partial class HostUnderTest : IAsyncDisposable
{
    private const string ReadyMarker = "CollabPlatform ready";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<long> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _spawned;

    private HostUnderTest(Process process, Uri grpc, Uri http, Uri management)
    {
        _process = process;
        GrpcAddress = grpc;
        HttpAddress = http;
        ManagementAddress = management;
    }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    /// <summary>The management listener, which serves <c>/metrics</c> when Prometheus is on.</summary>
    public Uri ManagementAddress { get; }

    public int Pid => _process.Id;

    public MonitoredProcess Process => new("host", _process.Id, wholeTree: false);

    /// <summary>From spawning the process to its ready log line, as seen by this program.</summary>
    public TimeSpan TimeToReadyLine { get; private set; }

    /// <summary>Time since the process was spawned.</summary>
    public TimeSpan SinceSpawn => Stopwatch.GetElapsedTime(_spawned);

    /// <summary>The start-up time the Host itself reports in its ready line.</summary>
    public long ReportedReadyMs { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts a Host on free loopback ports with <paramref name="settings"/> (for example
    /// <c>ConnectionStrings:Collab</c>) and waits for its ready line; <paramref name="hostAssembly"/>
    /// is another build to run (<c>--host</c>), null for this repository's.
    /// </summary>
    public static async Task<HostUnderTest> StartAsync(IReadOnlyDictionary<string, string> settings, string? hostAssembly, string? workingDirectory = null, TimeSpan? readyWithin = null)
    {
        var grpcPort = FreePort();
        var httpPort = FreePort();
        var managementPort = FreePort();
        var all = new Dictionary<string, string>(settings)
        {
            ["Collab:Telemetry:ManagementPort"] = Invariant(managementPort),
            ["Collab:Api:ListenAddress"] = "127.0.0.1",
            ["Collab:Api:GrpcPort"] = Invariant(grpcPort),
            ["Collab:Api:HttpPort"] = Invariant(httpPort),
            ["Collab:Orleans:SiloPort"] = Invariant(FreePort()),
            ["Collab:Orleans:GatewayPort"] = Invariant(FreePort()),
        };
        all.TryAdd("Collab:Orleans:ClusterId", $"bench-{Guid.NewGuid().ToString("N")[..8]}");
        var dll = HostAssemblyPath(hostAssembly);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostUnderTest(process, new Uri($"http://127.0.0.1:{grpcPort}"), new Uri($"http://127.0.0.1:{httpPort}"), new Uri($"http://127.0.0.1:{managementPort}"));
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException($"the Host exited with code {process.ExitCode} before it was ready:\n{host.Tail()}"));
        host._spawned = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = readyWithin ?? TimeSpan.FromSeconds(120);
        try
        {
            host.ReportedReadyMs = await host._ready.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"the Host was not ready within {limit}:\n{host.Tail()}");
        }

        return host;
    }

    /// <summary>SIGTERM, then waits for a clean exit; SIGKILL when it does not come.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = NativeMethods.Kill(_process.Id, 15);
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    /// <summary>The last lines of the Host's output, for error messages.</summary>
    public string Tail(int lines = 30) => string.Join('\n', Output.Split('\n').TakeLast(lines));

    /// <summary>
    /// <paramref name="other"/> when given (<c>--host=PATH</c>, to compare a change with the code
    /// before it on the same machine), else the Host this project's reference built in the same
    /// configuration.
    /// </summary>
    public static string HostAssemblyPath(string? other)
    {
        if (other is not null)
        {
            return File.Exists(other) ? other : throw new FileNotFoundException("no Host at --host", other);
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var path = Path.Combine(RepositoryRoot(), "src", "CollabPlatform.Host", "bin", configuration, "net10.0", "CollabPlatform.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the Host first (dotnet build -c " + configuration + ")", path);
    }

    /// <summary>The folder holding CollabPlatform.sln, above this program's build output.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CollabPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no CollabPlatform.sln above {AppContext.BaseDirectory}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Bounded: a long run must not grow the benchmark's own memory.
            if (_output.Length > 1_000_000)
            {
                _output.Remove(0, _output.Length / 2);
            }

            _output.AppendLine(line);
        }

        if (line.Contains(ReadyMarker, StringComparison.Ordinal))
        {
            TimeToReadyLine = Stopwatch.GetElapsedTime(_spawned);
            var match = ReadyIn().Match(line);
            _ready.TrySetResult(match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1);
        }
    }

    [GeneratedRegex(@"ready in (\d+) ms")]
    private static partial Regex ReadyIn();
}
