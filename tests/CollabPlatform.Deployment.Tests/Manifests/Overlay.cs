using System.Text.Json.Nodes;
using CollabPlatform.Deployment.Tests.Rendering;

namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>One overlay of k8s/overlays (or the base) as <c>kubectl kustomize</c> renders it, with the look-ups the invariants need.</summary>
public sealed class Overlay
{
    /// <summary>Name of the Host's Deployment, its container, and the migration Job.</summary>
    public const string HostName = "collab-host";

    public const string HostContainer = "host";

    public const string MigrationJobName = "collab-migrate";

    /// <summary>The name under which k8s/base is rendered, beside the overlays.</summary>
    public const string Base = "base";

    public Overlay(string name, IReadOnlyList<JsonObject> objects)
    {
        Name = name;
        Objects = objects;
    }

    /// <summary>Every overlay under k8s/overlays; each test of an invariant runs on all of them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        Directory.GetDirectories(Repository.PathOf("k8s", "overlays")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The overlays and the base, the set <see cref="RenderedOverlays"/> renders.</summary>
    public static IReadOnlyList<string> NamesWithBase { get; } = [Base, .. Names];

    /// <summary>The overlay names as xunit theory data.</summary>
    public static TheoryData<string> All => [.. Names];

    /// <summary>The overlay names and the base as xunit theory data, for rules the base keeps on its own too.</summary>
    public static TheoryData<string> AllWithBase => [.. NamesWithBase];

    public string Name { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    /// <summary>The Host's Deployment.</summary>
    public JsonObject HostDeployment => Single("Deployment", HostName);

    /// <summary>The Host's container in its Deployment.</summary>
    public JsonObject HostContainerSpec => Container(HostDeployment, HostContainer);

    /// <summary>The migration Job.</summary>
    public JsonObject MigrationJob => Single("Job", MigrationJobName);

    /// <summary>Objects with a pod template (Deployments, StatefulSets, Jobs...).</summary>
    public IEnumerable<JsonObject> Workloads => Objects.Where(o => o.PodTemplate() is not null);

    /// <summary>The overlay's folder (k8s/base for <see cref="Base"/>).</summary>
    public static string FolderOf(string name) => name == Base ? Repository.PathOf("k8s", "base") : Repository.PathOf("k8s", "overlays", name);

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => o.String("kind") == kind);

    public JsonObject Single(string kind, string name)
    {
        var matches = OfKind(kind).Where(o => o.String("metadata", "name") == name).ToList();
        Assert.True(matches.Count == 1, $"overlay {Name}: expected one {kind}/{name}, found {matches.Count}");
        return matches[0];
    }

    /// <summary>A named container of a workload.</summary>
    public JsonObject Container(JsonObject workload, string container)
    {
        var match = workload.PodSpec()?.Objects("containers").FirstOrDefault(c => c.String("name") == container);
        Assert.True(match is not null, $"overlay {Name}: {workload.Id()} has no container '{container}'");
        return match!;
    }

    /// <summary>The ConfigMap or Secret a reference names, if this overlay renders it.</summary>
    public JsonObject? Find(string kind, string name) =>
        OfKind(kind).FirstOrDefault(o => o.String("metadata", "name") == name);

    /// <summary>
    /// The value a container's environment variable gets, where the manifests fix it: a literal
    /// <c>value</c>, or a key of a ConfigMap it loads with envFrom (later sources win, and
    /// <c>env</c> wins over envFrom, as in Kubernetes). Null where the variable comes from elsewhere.
    /// </summary>
    public string? EnvironmentValue(JsonObject container, string variable)
    {
        var explicitVariable = container.Objects("env").LastOrDefault(e => e.String("name") == variable);
        if (explicitVariable is not null)
        {
            return explicitVariable.String("value");
        }

        string? value = null;
        foreach (var source in container.Objects("envFrom"))
        {
            var prefix = source.String("prefix") ?? string.Empty;
            if (variable.StartsWith(prefix, StringComparison.Ordinal)
                && source.String("configMapRef", "name") is { } configMap
                && Find("ConfigMap", configMap) is { } data
                && data.StringMap("data").TryGetValue(variable[prefix.Length..], out var found))
            {
                value = found;
            }
        }

        return value;
    }

    /// <summary>True when every label of <paramref name="selector"/> is among <paramref name="labels"/>.</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    public override string ToString() => Name;
}
