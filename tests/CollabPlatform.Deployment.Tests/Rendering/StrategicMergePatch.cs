using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>
/// The part of Kubernetes' strategic merge patch that the overlays use: mappings merge key by key,
/// a null removes a field, and the lists below merge item by item on their merge key (containers
/// and env by name, volume mounts by path). Any other list is replaced, as strategic merge does
/// for lists without a merge key. Lists that do have a merge key in Kubernetes but not here, and
/// $patch directives, are refused rather than merged differently from kubectl.
/// </summary>
public static class StrategicMergePatch
{
    private static readonly FrozenDictionary<string, string> MergeKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["imagePullSecrets"] = "name",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Merged by a key in Kubernetes' schema (ports by port or containerPort, spread constraints by
    // topology key...); this renderer does not know those keys, so it refuses to patch them.
    private static readonly FrozenSet<string> KeyedListsNotSupported = FrozenSet.Create(
        StringComparer.Ordinal,
        "ports", "topologySpreadConstraints", "hostAliases", "volumeDevices", "resourceClaims", "conditions");

    /// <summary>Merges <paramref name="patch"/> into <paramref name="target"/> in place.</summary>
    /// <param name="target">The object patched.</param>
    /// <param name="patch">The patch.</param>
    /// <param name="source">The patch's file, for error messages.</param>
    public static void Apply(JsonObject target, JsonObject patch, string source) => Merge(target, patch, source, string.Empty);

    private static void Merge(JsonObject target, JsonObject patch, string source, string path)
    {
        foreach (var (key, value) in patch)
        {
            var here = path.Length == 0 ? key : $"{path}.{key}";
            if (key.StartsWith('$'))
            {
                throw new NotSupportedException($"{source}: {here}: strategic merge directives are not supported by this renderer");
            }

            switch (value)
            {
                case null:
                    target.Remove(key);
                    break;
                case JsonObject patchObject when target[key] is JsonObject targetObject:
                    Merge(targetObject, patchObject, source, here);
                    break;
                case JsonArray patchList when target[key] is JsonArray targetList && MergeKeys.TryGetValue(key, out var mergeKey):
                    MergeList(targetList, patchList, mergeKey, source, here);
                    break;
                case JsonArray when target[key] is JsonArray && KeyedListsNotSupported.Contains(key):
                    throw new NotSupportedException($"{source}: {here}: patching this list needs its Kubernetes merge key, which this renderer does not know; patch a field inside its items' parent instead or extend the renderer");
                default:
                    target[key] = value.DeepClone();
                    break;
            }
        }
    }

    // kustomize's order: the patch's items first, in its order (merged with the target's item of the
    // same key, if any), then the target's items the patch does not name.
    private static void MergeList(JsonArray target, JsonArray patch, string mergeKey, string source, string path)
    {
        var merged = new List<JsonNode>();
        foreach (var item in patch)
        {
            var patchItem = item as JsonObject;
            var key = patchItem.Scalar(mergeKey)
                ?? throw new InvalidDataException($"{source}: {path}: every item needs its merge key '{mergeKey}'");
            var existing = target.OfType<JsonObject>().FirstOrDefault(t => t.Scalar(mergeKey) == key);
            if (existing is null)
            {
                merged.Add(patchItem!.DeepClone());
            }
            else
            {
                Merge(existing, patchItem!, source, $"{path}[{mergeKey}={key}]");
                target.Remove(existing);
                merged.Add(existing);
            }
        }

        for (var i = merged.Count - 1; i >= 0; i--)
        {
            target.Insert(0, merged[i]);
        }
    }
}
