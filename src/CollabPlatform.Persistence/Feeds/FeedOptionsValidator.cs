using Microsoft.Extensions.Options;

namespace CollabPlatform.Persistence.Feeds;

/// <summary>Refuses feed settings that could not work, naming the key and what is expected.</summary>
public sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(10);

    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = FeedOptions.SectionName;

        if (options.HeartbeatInterval < MinimumInterval)
        {
            failures.Add($"{Section}:{nameof(options.HeartbeatInterval)} must be at least 00:00:00.010, e.g. 00:00:15; got {options.HeartbeatInterval}.");
        }

        if (options.PollInterval < MinimumInterval)
        {
            failures.Add($"{Section}:{nameof(options.PollInterval)} must be at least 00:00:00.010, e.g. 00:00:01; got {options.PollInterval}.");
        }

        if (options.HorizonHoldWarning < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}:{nameof(options.HorizonHoldWarning)} must be at least 00:00:01, e.g. 00:00:05; got {options.HorizonHoldWarning}.");
        }

        if (options.ChannelCapacity < 1)
        {
            failures.Add($"{Section}:{nameof(options.ChannelCapacity)} must be a positive number of events, e.g. 1024; got {options.ChannelCapacity}.");
        }

        if (options.CatchUpBatchSize < 1)
        {
            failures.Add($"{Section}:{nameof(options.CatchUpBatchSize)} must be a positive number of events, e.g. 256; got {options.CatchUpBatchSize}.");
        }

        if (options.TailBatchSize < 1)
        {
            failures.Add($"{Section}:{nameof(options.TailBatchSize)} must be a positive number of events, e.g. 1000; got {options.TailBatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
