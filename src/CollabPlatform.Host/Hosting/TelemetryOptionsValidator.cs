using Microsoft.Extensions.Options;

namespace CollabPlatform.Host.Hosting;

/// <summary>Stops start-up with a message naming the wrong key and what it should be.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PartnershipsRefreshPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{TelemetryOptions.Section}:PartnershipsRefreshPeriod is {options.PartnershipsRefreshPeriod}; expected a positive duration such as 00:00:30");
        }

        if (options.ManagementPort is < 0 or > 65535)
        {
            failures.Add($"{TelemetryOptions.Section}:ManagementPort is {options.ManagementPort}; expected a port from 0 (any free one) to 65535, such as 9464");
        }

        if (!System.Net.IPAddress.TryParse(options.ManagementAddress, out _))
        {
            failures.Add($"{TelemetryOptions.Section}:ManagementAddress is '{options.ManagementAddress}'; expected an IP address such as 127.0.0.1 (this machine only) or 0.0.0.0 (in a pod)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
