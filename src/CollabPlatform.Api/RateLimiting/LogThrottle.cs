namespace CollabPlatform.Api.RateLimiting;

/// <summary>
/// Lets at most a fixed number of log entries through per interval and counts the rest, so that a
/// flood of refused calls cannot flood the log: the first entry of the next interval reports how
/// many were left out.
/// </summary>
public sealed class LogThrottle(int perInterval, TimeSpan interval, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _windowStart = long.MinValue;
    private int _logged;
    private long _suppressed;

    public int PerInterval => perInterval;

    public TimeSpan Interval => interval;

    /// <summary>True when this entry may be logged; <paramref name="suppressed"/> is how many were left out before it.</summary>
    public bool TryEnter(out long suppressed)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= interval)
            {
                _windowStart = now;
                _logged = 0;
            }

            if (_logged < perInterval)
            {
                _logged++;
                suppressed = _suppressed;
                _suppressed = 0;
                return true;
            }

            _suppressed++;
            suppressed = 0;
            return false;
        }
    }
}
