using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>Short reads of Kubernetes objects held as <see cref="JsonNode"/> trees.</summary>
public static class JsonPaths
{
    /// <summary>The node at a path of field names (or indexes into sequences), or null where any step is missing.</summary>
    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(name, out var next):
                    node = next;
                    break;
                case JsonArray array when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    node = array[index];
                    break;
                default:
                    return null;
            }
        }

        return node;
    }

    /// <summary>The mapping at a path, or null.</summary>
    public static JsonObject? Object(this JsonNode? node, params string[] path) => node.At(path) as JsonObject;

    /// <summary>The mapping at a path, created (with every missing step) when absent.</summary>
    public static JsonObject Ensure(this JsonObject node, params string[] path)
    {
        foreach (var name in path)
        {
            if (node[name] is not JsonObject next)
            {
                next = [];
                node[name] = next;
            }

            node = next;
        }

        return node;
    }

    /// <summary>The string at a path, or null (also when it is not a string).</summary>
    public static string? String(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The integer at a path, or null.</summary>
    public static long? Integer(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number : null;

    /// <summary>The boolean at a path, or null.</summary>
    public static bool? Boolean(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    /// <summary>The mappings in the sequence at a path (none when it is absent).</summary>
    public static IEnumerable<JsonObject> Objects(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>The strings in the sequence at a path (none when it is absent).</summary>
    public static IEnumerable<string> Strings(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())
            : [];

    /// <summary>A string-to-string mapping (labels, selectors, ConfigMap data) at a path; empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this JsonNode? node, params string[] path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.At(path) is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                result[key] = value is JsonValue scalar ? scalar.ToString() : value?.ToJsonString() ?? string.Empty;
            }
        }

        return result;
    }

    /// <summary>A scalar's text whatever its type (a port may be a number or a name).</summary>
    public static string? Scalar(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue value ? value.ToString() : null;
}
