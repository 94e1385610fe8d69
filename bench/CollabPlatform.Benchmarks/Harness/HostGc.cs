using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// Induces a full, blocking garbage collection in another .NET process through its diagnostics
/// port (an EventPipe session asking for the GC heap, as heap-dump tools do), so that the heap size
/// it reports afterwards counts live objects only.
/// </summary>
internal static class HostGc
{
    // Microsoft-Windows-DotNETRuntime keywords: GC (0x1) and GCHeapCollect (0x800000), which makes
    // the runtime run a full blocking collection when the session starts.
    private const long GcKeywords = 0x1 | 0x800000;

    public static async Task CollectAsync(int pid, CancellationToken cancellationToken)
    {
        var client = new DiagnosticsClient(pid);
        var providers = new[] { new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeywords) };
        using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, circularBufferMB: 64, cancellationToken);

        // The events must be read, or the runtime's buffer fills; the collection runs meanwhile.
        var drain = session.EventStream.CopyToAsync(Stream.Null, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        await session.StopAsync(cancellationToken);
        await drain;
    }
}
