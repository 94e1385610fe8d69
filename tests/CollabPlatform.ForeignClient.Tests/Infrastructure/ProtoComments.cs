using System.Text.RegularExpressions;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>
/// Reads the errors each rpc's comment lists in protos/collab/v1/*.proto, plus those its service
/// comment lists for every rpc (or, after "every mutation" / "for mutations", for every rpc whose
/// request has a <c>request_id</c>).
/// </summary>
public static partial class ProtoComments
{
    public static IReadOnlyList<DocumentedError> Errors()
    {
        var errors = new List<DocumentedError>();
        foreach (var file in RepoFiles.Protos())
        {
            var lines = File.ReadAllLines(file);
            string? service = null;
            var serviceAll = new List<(string Code, string? Reason)>();
            var serviceMutations = new List<(string Code, string? Reason)>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (ServiceLine().Match(line) is { Success: true } s)
                {
                    service = s.Groups[1].Value;
                    var comment = CommentAbove(lines, i);
                    var split = MutationMarker().Match(comment);
                    serviceAll = Codes(split.Success ? comment[..split.Index] : comment);
                    serviceMutations = split.Success ? Codes(comment[split.Index..]) : [];
                }
                else if (service is not null && RpcLine().Match(line) is { Success: true } r)
                {
                    var rpc = $"{service}.{r.Groups[1].Value}";
                    var isMutation = ProtoMethods.Find(rpc).InputType.FindFieldByName("request_id") is not null;
                    var listed = Codes(CommentAbove(lines, i)).Concat(serviceAll).Concat(isMutation ? serviceMutations : []);
                    errors.AddRange(listed.Distinct().Select(e => new DocumentedError(rpc, e.Code, e.Reason)));
                }
            }
        }

        return errors;
    }

    private static string CommentAbove(string[] lines, int index)
    {
        var start = index;
        while (start > 0 && lines[start - 1].TrimStart().StartsWith("//", StringComparison.Ordinal))
        {
            start--;
        }

        return string.Join(' ', lines[start..index].Select(l => l.Trim()[2..].Trim()));
    }

    private static List<(string Code, string? Reason)> Codes(string text) =>
        [.. ErrorMention().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null))];

    [GeneratedRegex(@"^service\s+(\w+)\s*\{")]
    private static partial Regex ServiceLine();

    [GeneratedRegex(@"^rpc\s+(\w+)\s*\(")]
    private static partial Regex RpcLine();

    [GeneratedRegex(@"(?i)common to every mutation|for mutations")]
    private static partial Regex MutationMarker();

    // The statuses an rpc comment may promise. CANCELLED, DEADLINE_EXCEEDED and INTERNAL keep their
    // usual gRPC meaning (protos/README.md) and are never listed; CANCELLED is also a program status.
    [GeneratedRegex(@"\b(INVALID_ARGUMENT|NOT_FOUND|ALREADY_EXISTS|FAILED_PRECONDITION|ABORTED|UNAUTHENTICATED|PERMISSION_DENIED|RESOURCE_EXHAUSTED|UNAVAILABLE)\b(?:\s*\((?:reason\s+)?([A-Z][A-Z_]+)\b)?")]
    private static partial Regex ErrorMention();
}
