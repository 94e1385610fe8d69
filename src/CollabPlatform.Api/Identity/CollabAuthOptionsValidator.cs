using System.Net;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Stops start-up with a message naming the wrong key and what it should be. The development key
/// fails closed: refused when the API listens beyond loopback (<paramref name="listenAddress"/>),
/// and when its file (<paramref name="developmentKeyPath"/>) is open to others.
/// </summary>
public sealed class CollabAuthOptionsValidator(string listenAddress = "127.0.0.1", Func<CollabAuthOptions, string>? developmentKeyPath = null) : IValidateOptions<CollabAuthOptions>
{
    private const string ListenAddressKey = "Collab:Api:ListenAddress";
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinTokenLifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestTokenLifetime = TimeSpan.FromDays(30);

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

        if (options.MaxTokenLifetime < MinTokenLifetime || options.MaxTokenLifetime > LongestTokenLifetime)
        {
            failures.Add($"{Section}:MaxTokenLifetime is {options.MaxTokenLifetime}; expected from 00:01:00 to 30.00:00:00 (default 1.00:00:00)");
        }

        if (options.TokenCacheCapacity < 0)
        {
            failures.Add($"{Section}:TokenCacheCapacity is {options.TokenCacheCapacity}; expected 0 (no cache) or more (default {TokenValidator.DefaultCacheCapacity})");
        }

        if (!options.UsesDevelopmentKey && options.SigningKeys.Count == 0)
        {
            failures.Add($"{Section}:SigningKeys is empty and {Section}:DevelopmentKey is false, so no token could be verified; configure at least one key ({Section}:SigningKeys:0:KeyId with PublicKey, PublicKeyFile or SharedSecret)");
        }

        if (options.UsesDevelopmentKey)
        {
            ValidateDevelopmentKey(options, failures);
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

    private void ValidateDevelopmentKey(CollabAuthOptions options, List<string> failures)
    {
        const string Section = CollabAuthOptions.Section;

        // Whoever reads the key file can mint any token; beyond loopback others could use them.
        if (!IsLoopback(listenAddress))
        {
            failures.Add(
                $"{Section}:DevelopmentKey is in use ({(options.DevelopmentKey is true ? "set to true" : $"no {Section}:SigningKeys configured")}) while {ListenAddressKey} is {listenAddress}, beyond loopback: "
                + $"the development key is for one machine only; configure {Section}:SigningKeys and set {Section}:DevelopmentKey=false, or listen on 127.0.0.1");
            return;
        }

        if (developmentKeyPath?.Invoke(options) is { } path && File.Exists(path) && KeyFileAccess.Describe(path) is { } problem)
        {
            failures.Add($"{Section}:DevelopmentKeyFile: {problem}");
        }
    }

    private static bool IsLoopback(string address) =>
        IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);
}
