using CollabPlatform.Persistence.Feeds;

namespace CollabPlatform.Persistence.Tests.Feeds;

public sealed class FeedOptionsValidatorTests
{
    private readonly FeedOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = _validator.Validate(null, new FeedOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_ZeroCapacityAndHeartbeat_NamesBothKeys()
    {
        var options = new FeedOptions { ChannelCapacity = 0, HeartbeatInterval = TimeSpan.Zero };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Feeds:ChannelCapacity", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Feeds:HeartbeatInterval", result.FailureMessage, StringComparison.Ordinal);
    }
}
