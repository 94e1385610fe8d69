using System.Text.Json.Nodes;
using CollabPlatform.Contracts.V1;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>The rpcs of this client's own compilation of protos/, by "Service.Rpc" name.</summary>
public static class ProtoMethods
{
    public static IReadOnlyList<MethodDescriptor> All { get; } =
    [
        .. new[]
        {
            RegionService.Descriptor, PartnershipService.Descriptor, JointProgramService.Descriptor,
            FacilitationService.Descriptor, AuditService.Descriptor,
        }.SelectMany(s => s.Methods),
    ];

    public static MethodDescriptor Find(string rpc) =>
        All.SingleOrDefault(m => m.Service.Name + "." + m.Name == rpc) ?? throw new ArgumentException($"no rpc {rpc} in protos/collab/v1", nameof(rpc));

    /// <summary>A request that fills only the rule's path variables, so that the JSON route matches.</summary>
    public static string PathOnlyRequest(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        var template = rule is null ? string.Empty : rule.Get.Length > 0 ? rule.Get : rule.Post;
        var request = new JsonObject();
        foreach (var part in template.Split('{').Skip(1))
        {
            var field = method.InputType.FindFieldByName(part[..part.IndexOf('}', StringComparison.Ordinal)]);
            request[field.JsonName] = "ID-33";
        }

        return request.ToJsonString();
    }
}
