using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Persistence.Embedded;

/// <summary>Refuses embedded PostgreSQL settings that could not work, naming the key and what is expected.</summary>
public sealed partial class EmbeddedPostgresOptionsValidator : IValidateOptions<EmbeddedPostgresOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedPostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = EmbeddedPostgresOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{Section}:{nameof(options.DataDirectory)} is required: the folder for the embedded PostgreSQL data, e.g. '.pgdata'.");
        }

        // Both names end up unquoted in initdb arguments and in CREATE DATABASE, so only plain
        // lower-case identifiers are accepted.
        if (!IsPlainIdentifier(options.Database))
        {
            failures.Add($"{Section}:{nameof(options.Database)} must be a lower-case identifier of at most 63 characters (letters, digits, '_'), e.g. 'collab'; got '{options.Database}'.");
        }

        if (!IsPlainIdentifier(options.UserName))
        {
            failures.Add($"{Section}:{nameof(options.UserName)} must be a lower-case identifier of at most 63 characters (letters, digits, '_'), e.g. 'collab'; got '{options.UserName}'.");
        }

        if (string.IsNullOrWhiteSpace(options.SharedDirectory) || !Path.IsPathFullyQualified(options.SharedDirectory))
        {
            failures.Add($"{Section}:{nameof(options.SharedDirectory)} must be an absolute folder, e.g. '{ServerLocation.DefaultSharedDirectory}'; got '{options.SharedDirectory}'.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{Section}:{nameof(options.Port)} must be between 1 and 65535, or 0 to pick a free port; got {options.Port}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPlainIdentifier(string? value) => value is not null && IdentifierPattern().IsMatch(value);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
