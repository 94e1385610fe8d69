using System.Net;
using System.Text.Json.Nodes;
using CollabPlatform.Contracts.V1;
using CollabPlatform.ForeignClient.Tests.Infrastructure;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>
/// The OpenAPI document the Host serves at /openapi/v1.json: every google.api.http rule of the
/// protos is in it, it needs no token, and docs/openapi.json is exactly what is served.
/// </summary>
[Collection(ContractHostCollection.Name)]
public sealed class OpenApiTests(ContractHost host)
{
    private const string DocumentPath = "/openapi/v1.json";

    public static IEnumerable<ServiceDescriptor> Services =>
    [
        RegionService.Descriptor, PartnershipService.Descriptor, JointProgramService.Descriptor,
        FacilitationService.Descriptor, AuditService.Descriptor,
    ];

    [Fact]
    public async Task ServedDocument_HasAnOperationForEveryHttpRuleOfTheProtos()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var paths = document["paths"]!.AsObject();

        var rules = Services.SelectMany(s => s.Methods.Select(m => (Method: m, Rule: m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))).ToList();
        Assert.Equal(25, rules.Count);
        foreach (var (method, rule) in rules)
        {
            Assert.True(rule is not null, $"{method.FullName} has no google.api.http rule");
            var (verb, template) = rule.PatternCase == HttpRule.PatternOneofCase.Get ? ("get", rule.Get) : ("post", rule.Post);
            var operation = paths[template]?[verb];
            Assert.True(operation is not null, $"{verb.ToUpperInvariant()} {template} ({method.FullName}) is not in {DocumentPath}");
            Assert.Equal($"{method.Service.Name}_{method.Name}", (string?)operation["operationId"]);
            var pathParameters = operation["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!).ToList() ?? [];
            Assert.All(Variables(template), v => Assert.Contains(v, pathParameters));
            Assert.Equal(rule.Body.Length > 0, operation["requestBody"] is not null);
        }

        Assert.Equal(rules.Count, paths.Sum(p => p.Value!.AsObject().Count));
    }

    [Fact]
    public async Task ServedDocument_DescribesInt64AsStringsAndEnumsByName()
    {
        var schemas = JsonNode.Parse(await ServedAsync())!["components"]!["schemas"]!;

        var version = schemas["collab.v1.JointProgram"]!["properties"]!["version"]!;
        Assert.Equal(("string", "int64"), ((string?)version["type"], (string?)version["format"]));
        var status = schemas["collab.v1.JointProgram"]!["properties"]!["status"]!;
        Assert.Contains("JOINT_PROGRAM_STATUS_ACTIVE", status["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("date-time", (string?)schemas["collab.v1.JointProgram"]!["properties"]!["createdAt"]!["format"]);
    }

    [Fact]
    public async Task CommittedDocument_IsWhatTheHostServes()
    {
        var served = await ServedAsync();
        var committedPath = RepoFiles.PathOf("docs", "openapi.json");
        var committed = File.Exists(committedPath) ? await File.ReadAllTextAsync(committedPath) : string.Empty;

        if (committed.ReplaceLineEndings("\n") != served.ReplaceLineEndings("\n"))
        {
            var fresh = Path.Combine(Path.GetTempPath(), "collab-openapi-served.json");
            await File.WriteAllTextAsync(fresh, served);
            Assert.Fail($"docs/openapi.json differs from what the Host serves at {DocumentPath}; the served document is in {fresh}: copy it to docs/openapi.json");
        }
    }

    private async Task<string> ServedAsync()
    {
        // No token: the document is public, like the protos it is made from.
        using var response = await host.Http.GetAsync(DocumentPath);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {DocumentPath} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    private static IEnumerable<string> Variables(string template) =>
        template.Split('{').Skip(1).Select(part => part[..part.IndexOf('}', StringComparison.Ordinal)].Split('=')[0]);
}
