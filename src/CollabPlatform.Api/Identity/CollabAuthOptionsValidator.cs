using Microsoft.Extensions.Options;

namespace CollabPlatform.Api.Identity;

/// <summary>Stops start-up with a message naming the wrong key and what it should be.</summary>
public sealed class CollabAuthOptionsValidator : IValidateOptions<CollabAuthOptions>
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, CollabAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = CollabAuthOptions.Section;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{Section}:Issuer is empty; expected the iss of the tokens to accept (default {CollabAuthOptions.DefaultIssuer})");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{Section}:Audience is empty; expected the aud of the tokens to accept (default {CollabAuthOptions.DefaultAudience})");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxClockSkew)
        {
            failures.Add($"{Section}:ClockSkew is {options.ClockSkew}; expected from 00:00:00 to 00:05:00 (default 00:00:30)");
        }

        if (!options.UsesDevelopmentKey && options.SigningKeys.Count == 0)
        {
            failures.Add($"{Section}:SigningKeys is empty and {Section}:DevelopmentKey is false, so no token could be verified; configure at least one key ({Section}:SigningKeys:0:KeyId with PublicKey, PublicKeyFile or SharedSecret)");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            var key = options.SigningKeys[i];
            var path = $"{Section}:SigningKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.KeyId))
            {
                failures.Add($"{path}:KeyId is empty; expected the kid its tokens carry");
            }
            else if (!ids.Add(key.KeyId))
            {
                failures.Add($"{path}:KeyId '{key.KeyId}' is used by another key too; key ids must differ");
            }

            var sources = new[] { key.PublicKey, key.PublicKeyFile, key.SharedSecret }.Count(s => !string.IsNullOrWhiteSpace(s));
            if (sources != 1)
            {
                failures.Add($"{path} has {sources} of PublicKey, PublicKeyFile and SharedSecret; expected exactly one");
                continue;
            }

            if (SigningKeys.Describe(key) is { } problem)
            {
                failures.Add($"{path}: {problem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
