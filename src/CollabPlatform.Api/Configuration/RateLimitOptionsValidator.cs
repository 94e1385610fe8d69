using Microsoft.Extensions.Options;

namespace CollabPlatform.Api.Configuration;

/// <summary>Stops start-up with a message naming the wrong <c>Collab:Api:RateLimit</c> key and what it should be.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PermitsPerWindow < 1)
        {
            failures.Add($"{RateLimitOptions.Section}:PermitsPerWindow is {options.PermitsPerWindow}; expected at least 1 (default 10000)");
        }

        if (options.Window < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"{RateLimitOptions.Section}:Window is {options.Window}; expected at least 00:00:00.1 (default 00:00:10)");
        }

        if (options.MaxHealthWatchesPerPeer < 1)
        {
            failures.Add($"{RateLimitOptions.Section}:MaxHealthWatchesPerPeer is {options.MaxHealthWatchesPerPeer}; expected at least 1 (default 16)");
        }

        if (options.MaxHealthWatchesTotal < options.MaxHealthWatchesPerPeer)
        {
            failures.Add($"{RateLimitOptions.Section}:MaxHealthWatchesTotal is {options.MaxHealthWatchesTotal}; expected at least MaxHealthWatchesPerPeer ({options.MaxHealthWatchesPerPeer}) (default 256)");
        }

        if (options.AuthFailureLogsPerInterval < 0)
        {
            failures.Add($"{RateLimitOptions.Section}:AuthFailureLogsPerInterval is {options.AuthFailureLogsPerInterval}; expected 0 or more (default 20)");
        }

        if (options.AuthFailureLogInterval <= TimeSpan.Zero)
        {
            failures.Add($"{RateLimitOptions.Section}:AuthFailureLogInterval is {options.AuthFailureLogInterval}; expected a positive time span (default 00:01:00)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
