using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace CollabPlatform.Security.Tests.Amplification;

/// <summary>
/// Runs a full blocking collection in the Host process through its diagnostics port (an EventPipe
/// session with the GCHeapCollect keyword, as the benchmark does), so that the GC figures it then
/// reports count what is alive, not what merely waits for a collection that has not run.
/// </summary>
public static class HostGc
{
    // Microsoft-Windows-DotNETRuntime: GC (0x1) and GCHeapCollect (0x800000).
    private const long Keywords = 0x1 | 0x800000;

    /// <summary>The Host listening on <paramref name="grpcPort"/>: its command line names the port.</summary>
    public static int FindPid(int grpcPort)
    {
        var marker = "--Collab:Api:GrpcPort=" + grpcPort.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').Contains(marker, StringComparer.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while the directory was read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        throw new InvalidOperationException($"no process has {marker} on its command line");
    }

    /// <summary>A full collection in <paramref name="pid"/>, then the metrics once they show it.</summary>
    public static async Task<HostMetrics> CollectAndScrapeAsync(int pid, Uri httpAddress, CancellationToken cancellationToken)
    {
        var before = await HostMetrics.ScrapeAsync(httpAddress, cancellationToken);
        var client = new DiagnosticsClient(pid);
        var providers = new[] { new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, Keywords) };
        using (var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, circularBufferMB: 64, cancellationToken))
        {
            // The runtime's buffer must be drained while the collection runs.
            var drain = session.EventStream.CopyToAsync(Stream.Null, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            await session.StopAsync(cancellationToken);
            await drain;
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var after = await HostMetrics.ScrapeAsync(httpAddress, cancellationToken);
            if (after.Gen2Collections > before.Gen2Collections)
            {
                return after;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new TimeoutException($"phase 'induced collection': the Host reported no new gen2 collection within 10 s (still {before.Gen2Collections})");
    }
}
