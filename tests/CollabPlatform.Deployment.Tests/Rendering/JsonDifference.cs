using System.Text.Json.Nodes;

namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>The first place where two JSON trees differ, as a readable path, for assertion messages.</summary>
public static class JsonDifference
{
    /// <summary>Null when the trees are equal (mapping order ignored, sequence order kept).</summary>
    public static string? Find(JsonNode? expected, JsonNode? actual, string path = "")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var here = $"{path}.{key}";
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        return $"{here}: {(e.ContainsKey(key) ? "missing" : "unexpected")} ({Describe(e.ContainsKey(key) ? e[key] : a[key])})";
                    }

                    if (Find(e[key], a[key], here) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path}: {e.Count} items expected, {a.Count} found";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (Find(e[i], a[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: expected {Describe(expected)}, found {Describe(actual)}";
        }
    }

    private static string Describe(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
