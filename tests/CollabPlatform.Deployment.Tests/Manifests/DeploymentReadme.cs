using System.Text.RegularExpressions;

namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>The deployment guide (docs/deployment.md), which operators follow; the tests hold it to the manifests.</summary>
public static partial class DeploymentReadme
{
    /// <summary>The guide's text.</summary>
    public static string Section() => File.ReadAllText(Repository.PathOf(Path.Combine("docs", "deployment.md")));

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

    [GeneratedRegex(@"create secret generic (?<name>[a-z0-9.-]+)(?:[ \t]*\\?\r?\n?[ \t]*--from-literal=(?<key>[A-Za-z0-9_.-]+)=\S+)+")]
    private static partial Regex CreateSecretPattern();
}
