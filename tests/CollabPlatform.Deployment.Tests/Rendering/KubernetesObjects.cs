using System.Text.Json.Nodes;

namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>Where the kinds this project renders keep their pod templates, and which kinds have no namespace.</summary>
public static class KubernetesObjects
{
    /// <summary>Kinds whose objects live outside any namespace (kustomize gives them none).</summary>
    public static readonly IReadOnlySet<string> ClusterScopedKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
        "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass", "ValidatingWebhookConfiguration",
        "MutatingWebhookConfiguration", "APIService", "CSIDriver", "Node",
    };

    /// <summary>Kinds that hold a pod template at spec.template.</summary>
    public static readonly IReadOnlySet<string> TemplateKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
    };

    /// <summary>Kind and name, the identity the tests name objects by.</summary>
    public static string Id(this JsonObject resource) => $"{resource.String("kind")}/{resource.String("metadata", "name")}";

    /// <summary>The pod template of a workload (metadata and spec), or null for other kinds.</summary>
    public static JsonObject? PodTemplate(this JsonObject resource) => resource.String("kind") switch
    {
        "CronJob" => resource.Object("spec", "jobTemplate", "spec", "template"),
        { } kind when TemplateKinds.Contains(kind) => resource.Object("spec", "template"),
        _ => null,
    };

    /// <summary>The pod spec of a workload or a Pod, or null for other kinds.</summary>
    public static JsonObject? PodSpec(this JsonObject resource) =>
        resource.String("kind") == "Pod" ? resource.Object("spec") : resource.PodTemplate().Object("spec");

    /// <summary>Containers and init containers of a pod spec.</summary>
    public static IEnumerable<JsonObject> AllContainers(this JsonObject podSpec) =>
        podSpec.Objects("initContainers").Concat(podSpec.Objects("containers"));
}
