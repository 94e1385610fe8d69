using System.Text.RegularExpressions;

namespace CollabPlatform.Deployment.Tests.Container;

/// <summary>The repository's Dockerfile as instructions grouped into stages, for static checks (no engine runs here).</summary>
public sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerfileStage> stages) => Stages = stages;

    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>The stage the image is made of.</summary>
    public DockerfileStage Final => Stages[^1];

    /// <summary>Parses a Dockerfile: comments dropped, continuation lines joined.</summary>
    public static Dockerfile Parse(string text)
    {
        var stages = new List<DockerfileStage>();
        var logical = new List<string>();
        var current = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') && current.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            logical.Add(current + line);
            current = string.Empty;
        }

        List<DockerfileInstruction>? instructions = null;
        foreach (var line in logical.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var match = InstructionPattern().Match(line);
            var instruction = new DockerfileInstruction(match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Trim());
            if (instruction.Keyword == "FROM")
            {
                var from = FromPattern().Match(instruction.Arguments);
                instructions = [];
                stages.Add(new DockerfileStage(from.Groups["image"].Value, from.Groups["name"].Success ? from.Groups["name"].Value : null, instructions));
            }
            else
            {
                instructions?.Add(instruction);
            }
        }

        return new Dockerfile(stages);
    }

    [GeneratedRegex(@"^(\w+)\s*(.*)$")]
    private static partial Regex InstructionPattern();

    [GeneratedRegex(@"^(--\S+\s+)*(?<image>\S+)(\s+AS\s+(?<name>\S+))?", RegexOptions.IgnoreCase)]
    private static partial Regex FromPattern();
}
