using Microsoft.Extensions.Options;

namespace CollabPlatform.Host.Hosting;

/// <summary>Stops start-up with a message naming the wrong key and what it should be.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PartnershipsRefreshPeriod > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{TelemetryOptions.Section}:PartnershipsRefreshPeriod is {options.PartnershipsRefreshPeriod}; expected a positive duration such as 00:00:30");
    }
}
