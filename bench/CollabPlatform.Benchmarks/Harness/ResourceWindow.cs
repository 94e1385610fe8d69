using System.Diagnostics;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// CPU used and memory held by each monitored process over one measured window: CPU from the
/// difference of /proc readings at both ends, memory sampled every 250 ms for its peak.
/// </summary>
internal sealed class ResourceWindow : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);

    private readonly IReadOnlyList<MonitoredProcess> _processes;
    private readonly TimeSpan[] _cpuAtStart;
    private readonly long[] _peak;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private IReadOnlyList<ResourceUsage>? _result;

    private ResourceWindow(IReadOnlyList<MonitoredProcess> processes)
    {
        _processes = processes;
        _cpuAtStart = [.. processes.Select(p => p.CpuTime())];
        _peak = [.. processes.Select(p => p.ResidentBytes())];
        _sampler = SampleAsync(_stop.Token);
    }

    public static ResourceWindow Start(params IReadOnlyList<MonitoredProcess> processes) => new(processes);

    /// <summary>Ends the window (once) and returns each process's usage over it.</summary>
    public async Task<IReadOnlyList<ResourceUsage>> StopAsync()
    {
        if (_result is not null)
        {
            return _result;
        }

        var wall = Stopwatch.GetElapsedTime(_started);
        await _stop.CancelAsync();
        await _sampler;
        var usage = new List<ResourceUsage>();
        for (var i = 0; i < _processes.Count; i++)
        {
            var cpu = _processes[i].CpuTime() - _cpuAtStart[i];
            var resident = _processes[i].ResidentBytes();
            usage.Add(new ResourceUsage(_processes[i].Name, cpu.TotalSeconds / wall.TotalSeconds, Math.Max(_peak[i], resident), resident, cpu.TotalSeconds));
        }

        _result = usage;
        return usage;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                for (var i = 0; i < _processes.Count; i++)
                {
                    _peak[i] = Math.Max(_peak[i], _processes[i].ResidentBytes());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
