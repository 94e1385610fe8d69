using CollabPlatform.Api.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace CollabPlatform.Api.Tests.Middleware;

public sealed class LogThrottleTests
{
    [Fact]
    public void TryEnter_BeyondThePerIntervalCount_IsRefusedAndCountedForTheNextInterval()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(3, TimeSpan.FromMinutes(1), time);

        var first = Enumerable.Range(0, 10).Count(_ => throttle.TryEnter(out long _));
        time.Advance(TimeSpan.FromMinutes(1));
        var next = throttle.TryEnter(out var suppressed);

        Assert.Equal(3, first);
        Assert.True(next);
        Assert.Equal(7, suppressed);
    }
}
