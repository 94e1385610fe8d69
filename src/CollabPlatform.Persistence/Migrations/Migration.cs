using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CollabPlatform.Persistence.Migrations;

/// <summary>One embedded <c>Migrations/NNNN_name.sql</c> script.</summary>
internal sealed partial record Migration(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "migrations/";

    public string FileName => Name + ".sql";

    /// <summary>All scripts embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource =>
            {
                using var stream = assembly.GetManifestResourceStream(resource)
                    ?? throw new InvalidOperationException($"Embedded migration {resource} cannot be read.");
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return Parse(resource[ResourcePrefix.Length..^".sql".Length], reader.ReadToEnd());
            })
            .OrderBy(migration => migration.Version)
            .ToList();

        var duplicate = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(migration => migration.FileName))} share version {duplicate.Key}; give each file its own number.");
        }

        return migrations;
    }

    public static Migration Parse(string name, string sql)
    {
        var match = NamePattern().Match(name);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration file '{name}.sql' must be named NNNN_name.sql (four digits, then lower-case words joined by '_').");
        }

        // Line endings are normalised first, so that a checkout with CRLF endings is not mistaken for an edited script.
        var normalised = sql.ReplaceLineEndings("\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
        return new Migration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), name, normalised, checksum);
    }

    [GeneratedRegex("^(?<version>[0-9]{4})_[a-z0-9]+(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
