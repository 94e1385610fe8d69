using OpenTelemetry.Metrics;

namespace CollabPlatform.Integration.Tests.Telemetry;

/// <summary>Reads collected metrics: sums, counts and gauge values of the points whose tags match.</summary>
internal static class MetricValues
{
    /// <summary>
    /// The sum of a counter or up-down counter, or the number of measurements of a histogram, over
    /// its points that carry every given tag; 0 when the metric was never recorded.
    /// </summary>
    public static long Total(IReadOnlyDictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
    {
        if (!metrics.TryGetValue(name, out var metric))
        {
            return 0;
        }

        long total = 0;
        foreach (var point in metric.MetricPoints)
        {
            if (Matches(point, tags))
            {
                total += metric.MetricType == MetricType.Histogram ? point.GetHistogramCount() : point.GetSumLong();
            }
        }

        return total;
    }

    /// <summary>The sum of the measurements of a histogram over all its points; 0 when never recorded.</summary>
    public static double Sum(IReadOnlyDictionary<string, MetricSnapshot> metrics, string name)
    {
        if (!metrics.TryGetValue(name, out var metric))
        {
            return 0;
        }

        double sum = 0;
        foreach (var point in metric.MetricPoints)
        {
            sum += point.GetHistogramSum();
        }

        return sum;
    }

    /// <summary>The last value of a long gauge by the value of one tag.</summary>
    public static Dictionary<string, long> GaugeBy(IReadOnlyDictionary<string, MetricSnapshot> metrics, string name, string tag)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!metrics.TryGetValue(name, out var metric))
        {
            return values;
        }

        foreach (var point in metric.MetricPoints)
        {
            foreach (var pair in point.Tags)
            {
                if (pair.Key == tag)
                {
                    values[pair.Value?.ToString() ?? string.Empty] = point.GetGaugeLastValueLong();
                }
            }
        }

        return values;
    }

    private static bool Matches(MetricPoint point, (string Key, string Value)[] tags)
    {
        var matched = 0;
        foreach (var pair in point.Tags)
        {
            if (tags.Any(t => t.Key == pair.Key && t.Value == pair.Value?.ToString()))
            {
                matched++;
            }
        }

        return matched == tags.Length;
    }
}
