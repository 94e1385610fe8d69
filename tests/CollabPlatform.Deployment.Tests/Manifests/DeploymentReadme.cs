using System.Text.RegularExpressions;

namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>The "Deployment" section of README.md, which operators follow; the tests hold it to the manifests.</summary>
public static partial class DeploymentReadme
{
    /// <summary>The section's text, from its heading to the next heading of the same level.</summary>
    public static string Section()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var match = SectionPattern().Match(readme);
        Assert.True(match.Success, "README.md has no \"## Deployment\" section");
        return match.Value;
    }

    /// <summary>
    /// Secrets the section tells operators to create, by name, with their keys, read from its
    /// <c>kubectl ... create secret generic NAME --from-literal=KEY=...</c> commands.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> SecretsToCreate()
    {
        var secrets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (Match command in CreateSecretPattern().Matches(Section()))
        {
            secrets[command.Groups["name"].Value] = command.Groups["key"].Captures.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        }

        return secrets;
    }

    [GeneratedRegex(@"^## Deployment\b.*?(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"create secret generic (?<name>[a-z0-9.-]+)(?:[ \t]*\\?\r?\n?[ \t]*--from-literal=(?<key>[A-Za-z0-9_.-]+)=\S+)+")]
    private static partial Regex CreateSecretPattern();
}
