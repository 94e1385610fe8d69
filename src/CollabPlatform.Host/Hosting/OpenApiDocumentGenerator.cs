using System.Text.Json;
using System.Text.Json.Nodes;
using CollabPlatform.Contracts.V1;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// The OpenAPI 3.0 document of the JSON API, derived from the collab.v1 descriptors: one operation
/// per <c>google.api.http</c> rule, and schemas in proto3's JSON mapping (lowerCamelCase names,
/// enums as names, int64 as strings, Timestamp as RFC 3339). Deterministic, so it can be committed.
/// </summary>
public static class OpenApiDocumentGenerator
{
    /// <summary>The services whose rules make up the document, in the order of protos/README.md.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        RegionService.Descriptor,
        PartnershipService.Descriptor,
        JointProgramService.Descriptor,
        FacilitationService.Descriptor,
        AuditService.Descriptor,
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The document as indented JSON with a final newline.</summary>
    public static string Generate()
    {
        var schemas = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var paths = new JsonObject();
        foreach (var service in Services)
        {
            foreach (var method in service.Methods)
            {
                if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
                {
                    continue;
                }

                var (verb, template) = Route(rule);
                if (paths[template] is not JsonObject item)
                {
                    item = [];
                    paths[template] = item;
                }

                item[verb] = Operation(service, method, rule, verb, template, schemas);
            }
        }

        schemas["google.rpc.Status"] = StatusSchema();
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "CollabPlatform API (collab.v1)",
                ["version"] = "v1",
                ["description"] = "The JSON form of the collab.v1 gRPC API (google.api.http rules). The .proto files in protos/ are the reference: every rpc there lists its errors. Errors answer with a google.rpc.Status body.",
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["schemas"] = new JsonObject(schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
            },
        };
        return document.ToJsonString(Indented) + "\n";
    }

    private static (string Verb, string Template) Route(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("get", rule.Get),
        HttpRule.PatternOneofCase.Post => ("post", rule.Post),
        HttpRule.PatternOneofCase.Put => ("put", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
        HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
        _ => throw new InvalidOperationException($"unsupported google.api.http pattern {rule.PatternCase}"),
    };

    private static JsonObject Operation(ServiceDescriptor service, MethodDescriptor method, HttpRule rule, string verb, string template, SortedDictionary<string, JsonNode> schemas)
    {
        var pathFields = PathFields(template);
        var parameters = new JsonArray();
        foreach (var name in pathFields)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        if (rule.Body.Length == 0)
        {
            foreach (var field in method.InputType.Fields.InFieldNumberOrder().Where(f => !pathFields.Contains(f.Name)))
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = field.JsonName,
                    ["in"] = "query",
                    ["schema"] = FieldSchema(field, schemas),
                });
            }
        }

        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(service.Name),
            ["operationId"] = $"{service.Name}_{method.Name}",
            ["summary"] = $"{service.FullName}/{method.Name}" + (method.IsServerStreaming ? " (server streaming: one JSON object per message)" : string.Empty),
        };
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (rule.Body.Length > 0)
        {
            var body = rule.Body == "*" ? method.InputType : method.InputType.FindFieldByName(rule.Body).MessageType;
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = Json(Reference(body, schemas)),
            };
        }

        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = Json(Reference(method.OutputType, schemas)) },
            ["default"] = new JsonObject { ["description"] = "An error: the gRPC status as google.rpc.Status", ["content"] = Json(new JsonObject { ["$ref"] = "#/components/schemas/google.rpc.Status" }) },
        };
        return operation;
    }

    private static JsonObject Json(JsonNode schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static List<string> PathFields(string template)
    {
        var names = new List<string>();
        for (var start = template.IndexOf('{', StringComparison.Ordinal); start >= 0; start = template.IndexOf('{', start + 1))
        {
            var end = template.IndexOf('}', start);
            var variable = template[(start + 1)..end];
            names.Add(variable.Split('=')[0]);
        }

        return names;
    }

    private static JsonObject Reference(MessageDescriptor message, SortedDictionary<string, JsonNode> schemas)
    {
        if (WellKnown(message) is { } known)
        {
            return known;
        }

        if (!schemas.ContainsKey(message.FullName))
        {
            // Reserve the name first: messages may refer to themselves.
            schemas[message.FullName] = new JsonObject();
            var properties = new JsonObject();
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                properties[field.JsonName] = FieldSchema(field, schemas);
            }

            schemas[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + message.FullName };
    }

    private static JsonObject FieldSchema(FieldDescriptor field, SortedDictionary<string, JsonNode> schemas)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByName("value");
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = SingleSchema(value, schemas) };
        }

        var single = SingleSchema(field, schemas);
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }

    private static JsonObject SingleSchema(FieldDescriptor field, SortedDictionary<string, JsonNode> schemas) => field.FieldType switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Scalar("integer", "int32"),
        FieldType.UInt32 or FieldType.Fixed32 => Scalar("integer", "int64"),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Scalar("string", "int64"),
        FieldType.UInt64 or FieldType.Fixed64 => Scalar("string", "uint64"),
        FieldType.Double => Scalar("number", "double"),
        FieldType.Float => Scalar("number", "float"),
        FieldType.Bool => Scalar("boolean", null),
        FieldType.String => Scalar("string", null),
        FieldType.Bytes => Scalar("string", "byte"),
        FieldType.Enum => new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray([.. field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name))]),
        },
        _ => Reference(field.MessageType, schemas),
    };

    private static JsonObject Scalar(string type, string? format) =>
        format is null ? new JsonObject { ["type"] = type } : new JsonObject { ["type"] = type, ["format"] = format };

    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => Scalar("string", "date-time"),
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["example"] = "1.5s" },
        "google.protobuf.FieldMask" => new JsonObject { ["type"] = "string", ["example"] = "strengths,priority_sectors" },
        "google.protobuf.Any" => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["@type"] = Scalar("string", null) }, ["additionalProperties"] = true },
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
        "google.protobuf.Value" => new JsonObject(),
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.StringValue" => Scalar("string", null),
        "google.protobuf.BoolValue" => Scalar("boolean", null),
        "google.protobuf.Int32Value" => Scalar("integer", "int32"),
        "google.protobuf.Int64Value" => Scalar("string", "int64"),
        "google.protobuf.DoubleValue" => Scalar("number", "double"),
        _ => null,
    };

    private static JsonObject StatusSchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["code"] = Scalar("integer", "int32"),
            ["message"] = Scalar("string", null),
            ["details"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["@type"] = Scalar("string", null) }, ["additionalProperties"] = true },
            },
        },
    };
}
