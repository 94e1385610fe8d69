using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real Host process started from its build output, with settings on its command line. The test
/// waits for its "ready" log line and can stop it gracefully or kill it with SIGKILL.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const string ReadyMarker = "CollabPlatform ready";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, int siloPort, int? gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    /// <summary>The Orleans gateway's port; null when the Host was started without one (its default).</summary>
    public int? GatewayPort { get; }

    /// <summary>The process id, to see from outside which ports the Host listens on.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
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
    /// Starts a Host with <paramref name="settings"/> on its command line and waits for its ready line.
    /// Unless <paramref name="trustRunKey"/> is false, the Host trusts the run's signing key
    /// (<see cref="TestSigningKey"/>); otherwise it is given no key and uses its own development key,
    /// as on a developer's machine. The Orleans gateway stays closed, as in a default Host, unless
    /// <paramref name="gatewayPort"/> opens it for a test that calls grains through an Orleans client.
    /// </summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? siloPort = null, int? gatewayPort = null, TimeSpan? readyWithin = null, bool trustRunKey = true)
    {
        var silo = siloPort ?? FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostAssemblyPath())!,
        };
        info.ArgumentList.Add(HostAssemblyPath());
        // Every Host of these tests trusts the run's signing key, unless a test says otherwise.
        var all = (trustRunKey ? TestSigningKey.HostSettings : new Dictionary<string, string>()).Where(s => !settings.ContainsKey(s.Key)).Concat(settings);
        all = all.Append(new("Collab:Orleans:SiloPort", silo.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (gatewayPort is { } gateway)
        {
            all = all.Append(new("Collab:Orleans:GatewayPort", gateway.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process, silo, gatewayPort);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException($"the Host exited with code {process.ExitCode} before it was ready:\n{host.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = readyWithin ?? TimeSpan.FromSeconds(90);
        try
        {
            await host._ready.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"the Host was not ready within {limit}:\n{host.Output}");
        }

        return host;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, then waits for a clean exit.</summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        if (!_process.HasExited)
        {
            _ = SignalTerm(_process.Id);
            using var timeout = new CancellationTokenSource(within);
            await _process.WaitForExitAsync(timeout.Token);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }

        _process.Dispose();
    }

    /// <summary>The Host's own build output, next to this test project's (same configuration).</summary>
    public static string HostAssemblyPath()
    {
        var testDirectory = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(testDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var root = new DirectoryInfo(testDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CollabPlatform.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"no CollabPlatform.sln above {testDirectory}");
        }

        var path = Path.Combine(root.FullName, "src", "CollabPlatform.Host", "bin", configuration, "net10.0", "CollabPlatform.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the Host first", path);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains(ReadyMarker, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static bool SignalTerm(int pid) => NativeMethods.Kill(pid, 15) == 0;
}
