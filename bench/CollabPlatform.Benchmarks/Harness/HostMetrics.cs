using System.Globalization;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// Readings from the Host's Prometheus endpoint (<c>Collab:Telemetry:Prometheus=true</c>): the GC
/// heap after the last collection and Orleans' activation counts by grain type.
/// </summary>
internal sealed record HostMetrics(long GcHeapBytes, long Gen2Collections, IReadOnlyDictionary<string, long> Activations)
{
    public static async Task<HostMetrics> ScrapeAsync(Uri httpAddress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        long heap = 0;
        long gen2 = 0;
        var activations = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("dotnet_gc_last_collection_heap_size_bytes{", StringComparison.Ordinal))
            {
                heap += (long)Value(line);
            }
            else if (line.StartsWith("dotnet_gc_collections_total{", StringComparison.Ordinal) && Label(line, "gc_heap_generation") == "gen2")
            {
                gen2 = (long)Value(line);
            }
            else if (line.StartsWith("orleans_catalog_activations{", StringComparison.Ordinal))
            {
                var type = Label(line, "grain_type");
                activations[type] = activations.GetValueOrDefault(type) + (long)Value(line);
            }
        }

        return new HostMetrics(heap, gen2, activations);
    }

    /// <summary>
    /// Induces a full collection in the Host (<see cref="HostGc"/>), then reads the metrics once the
    /// exporter shows it, so that the heap size counts live objects only.
    /// </summary>
    public static async Task<HostMetrics> AfterFullCollectionAsync(int pid, Uri httpAddress, CancellationToken cancellationToken)
    {
        var before = await ScrapeAsync(httpAddress, cancellationToken);
        await HostGc.CollectAsync(pid, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var after = await ScrapeAsync(httpAddress, cancellationToken);
            if (after.Gen2Collections > before.Gen2Collections)
            {
                return after;
            }

            if (attempt == 20)
            {
                throw new InvalidOperationException($"the Host reported no new gen2 collection after one was induced (still {after.Gen2Collections})");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    /// <summary>Activations of the grain types whose name contains <paramref name="part"/> (e.g. "partnership").</summary>
    public long ActivationsOf(string part) =>
        Activations.Where(a => a.Key.Contains(part, StringComparison.OrdinalIgnoreCase)).Sum(a => a.Value);

    private static double Value(string line) =>
        double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Label(string line, string name)
    {
        var start = line.IndexOf(name + "=\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        start += name.Length + 2;
        return line[start..line.IndexOf('"', start)];
    }
}
