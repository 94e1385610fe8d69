using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>
/// The suffix kustomize appends to the names of generated ConfigMaps and Secrets: the SHA-256 of
/// a JSON encoding of kind, an empty name, data (and a Secret's type), as Go's encoding/json writes it
/// (sorted keys, HTML characters escaped), cut to ten hex digits with some digits swapped for
/// letters. Reproduced here so that rendered names equal kubectl's; the comparison test proves it
/// wherever kubectl is installed.
/// </summary>
public static class NameHash
{
    /// <summary>The suffix for a generated ConfigMap or Secret, without the dash.</summary>
    public static string Suffix(JsonObject resource)
    {
        var kind = resource.String("kind");
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kind"] = kind,
            // kustomize looks the name up as the single key "metadata/name", which no object has,
            // so the name always enters its hash empty (two generators with equal data get equal
            // suffixes). Reproduced, or the names would differ from kubectl's.
            ["name"] = string.Empty,
            ["data"] = Data(resource["data"]),
        };
        switch (kind)
        {
            case "ConfigMap":
                if (resource["binaryData"] is JsonObject)
                {
                    fields["binaryData"] = Data(resource["binaryData"]);
                }

                break;
            case "Secret":
                fields["type"] = resource.String("type") ?? string.Empty;
                if (resource["stringData"] is JsonObject)
                {
                    fields["stringData"] = Data(resource["stringData"]);
                }

                break;
            default:
                throw new NotSupportedException($"{resource.Id()}: only generated ConfigMaps and Secrets get a hash suffix");
        }

        var json = new StringBuilder();
        WriteGoJson(json, fields);
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToString())));
        return new string(hex[..10].Select(c => c switch
        {
            '0' => 'g',
            '1' => 'h',
            '3' => 'k',
            'a' => 'm',
            'e' => 't',
            _ => c,
        }).ToArray());
    }

    // A missing map is encoded as "" by kustomize (its lookup yields an empty value).
    private static object Data(JsonNode? node) => node is JsonObject map
        ? new SortedDictionary<string, object?>(map.ToDictionary(p => p.Key, p => (object?)p.Value?.ToString()), StringComparer.Ordinal)
        : string.Empty;

    private static void WriteGoJson(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case string text:
                WriteGoString(json, text);
                break;
            case SortedDictionary<string, object?> map:
                json.Append('{');
                var first = true;
                foreach (var (key, item) in map)
                {
                    if (!first)
                    {
                        json.Append(',');
                    }

                    first = false;
                    WriteGoString(json, key);
                    json.Append(':');
                    WriteGoJson(json, item);
                }

                json.Append('}');
                break;
            default:
                throw new NotSupportedException($"cannot encode {value.GetType()}");
        }
    }

    // encoding/json: quotes, backslash and control characters escaped; <, > and & as \u00XX
    // (HTML-safe by default); U+2028 and U+2029 escaped; everything else as UTF-8.
    private static void WriteGoString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                case < ' ':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        json.Append('"');
    }
}
