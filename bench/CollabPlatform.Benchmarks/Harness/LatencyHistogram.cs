namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// Latencies in microseconds in log-linear buckets (64 per power of two, so a reported percentile
/// is within 1.6 % of the true value), with exact count, minimum, maximum and mean. Fixed memory
/// whatever the number of samples. Not thread-safe: give each recording task its own and
/// <see cref="Add"/> them, or lock around <see cref="Record"/>.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int ExactBelow = 128;
    private const int SubBuckets = 64;
    private const int MaxMagnitude = 42;
    private const int BucketCount = ExactBelow + ((MaxMagnitude - 6) * SubBuckets);

    private readonly long[] _counts = new long[BucketCount];
    private long _sum;

    public long Count { get; private set; }

    public long MinMicros { get; private set; } = long.MaxValue;

    public long MaxMicros { get; private set; }

    /// <summary>Samples that were negative (a receive stamped before its send: clock steps); counted as zero.</summary>
    public long Negative { get; private set; }

    public double MeanMicros => Count == 0 ? 0 : (double)_sum / Count;

    public void Record(TimeSpan latency) => RecordMicros((long)(latency.Ticks / (double)TimeSpan.TicksPerMicrosecond));

    public void RecordMicros(long micros)
    {
        if (micros < 0)
        {
            Negative++;
            micros = 0;
        }

        _counts[IndexOf(micros)]++;
        Count++;
        _sum += micros;
        MinMicros = Math.Min(MinMicros, micros);
        MaxMicros = Math.Max(MaxMicros, micros);
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        _sum += other._sum;
        Negative += other.Negative;
        MinMicros = Math.Min(MinMicros, other.MinMicros);
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    /// <summary>The value at or below which <paramref name="percentile"/> % of the samples lie, in milliseconds.</summary>
    public double PercentileMs(double percentile)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                // The bucket's midpoint, kept inside the observed range.
                var (low, high) = BoundsOf(i);
                var value = Math.Clamp((low + high) / 2.0, MinMicros, MaxMicros);
                return value / 1000.0;
            }
        }

        return MaxMicros / 1000.0;
    }

    private static int IndexOf(long micros)
    {
        if (micros < ExactBelow)
        {
            return (int)micros;
        }

        var magnitude = (int)Math.Min(63 - long.LeadingZeroCount(micros), MaxMagnitude - 1);
        var sub = (int)((micros >> (magnitude - 6)) & (SubBuckets - 1));
        return Math.Min(ExactBelow + ((magnitude - 7) * SubBuckets) + sub, BucketCount - 1);
    }

    private static (long Low, long High) BoundsOf(int index)
    {
        if (index < ExactBelow)
        {
            return (index, index);
        }

        var magnitude = ((index - ExactBelow) / SubBuckets) + 7;
        var sub = (index - ExactBelow) % SubBuckets;
        var width = 1L << (magnitude - 6);
        var low = (1L << magnitude) + (sub * width);
        return (low, low + width - 1);
    }
}
