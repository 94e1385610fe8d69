using System.Globalization;

namespace CollabPlatform.Security.Tests.Amplification;

/// <summary>
/// What the Host reports on its Prometheus endpoint (<c>Collab:Telemetry:Prometheus=true</c>, on the management port; the
/// benchmark's way of reading it): GC memory as of the last collection and Orleans' activations.
/// </summary>
public sealed record HostMetrics(long GcCommittedBytes, long GcHeapBytes, long Gen2Collections, long Activations)
{
    /// <summary>The settings that make the Host export its metrics.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Collab:Telemetry:Prometheus"] = "true",
    };

    public static async Task<HostMetrics> ScrapeAsync(Uri httpAddress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        return new HostMetrics(
            Sum(text, "dotnet_gc_last_collection_memory_committed_size_bytes"),
            Sum(text, "dotnet_gc_last_collection_heap_size_bytes"),
            Sum(text, "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\""),
            Sum(text, "orleans_catalog_activations"));
    }

    private static long Sum(string text, string name, string? label = null)
    {
        var found = false;
        double total = 0;
        foreach (var line in text.Split('\n'))
        {
            if ((line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
                && (label is null || line.Contains(label, StringComparison.Ordinal)))
            {
                found = true;
                total += double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return found ? (long)total : throw new InvalidOperationException($"the Host's /metrics has no {name}; it reports:\n{text[..Math.Min(text.Length, 4000)]}");
    }
}
