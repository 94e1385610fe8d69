using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>
/// YAML documents as <see cref="JsonNode"/> trees, the form the tests read kubectl's output in.
/// Plain scalars are typed as kubectl types them (YAML 1.2 core schema: null, booleans, integers,
/// floats); quoted scalars stay strings.
/// </summary>
public static partial class Yaml
{
    /// <summary>Every non-empty document of a YAML stream; each must be a mapping.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">Where the text comes from, for error messages.</param>
    public static IReadOnlyList<JsonObject> ParseDocuments(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{source}: not valid YAML ({ex.Message})", ex);
        }

        var documents = new List<JsonObject>();
        foreach (var document in stream.Documents)
        {
            switch (ToJson(document.RootNode, source))
            {
                case null:
                    continue;
                case JsonObject mapping:
                    documents.Add(mapping);
                    break;
                default:
                    throw new InvalidDataException($"{source}: a document is not a mapping");
            }
        }

        return documents;
    }

    /// <summary>Loads every document of a file.</summary>
    public static IReadOnlyList<JsonObject> LoadFile(string path) => ParseDocuments(File.ReadAllText(path), path);

    private static JsonNode? ToJson(YamlNode node, string source)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var result = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode { Value: { } text }
                        ? text
                        : throw new InvalidDataException($"{source}: line {key.Start.Line}: a mapping key is not a scalar");
                    if (result.ContainsKey(name))
                    {
                        throw new InvalidDataException($"{source}: line {key.Start.Line}: duplicate key '{name}'");
                    }

                    result[name] = ToJson(value, source);
                }

                return result;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item, source));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new InvalidDataException($"{source}: line {node.Start.Line}: unexpected YAML node {node.NodeType}");
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsNonSpecific && !scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
