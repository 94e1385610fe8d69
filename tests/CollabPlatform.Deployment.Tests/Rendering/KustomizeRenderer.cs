using System.Collections.Frozen;
using System.Text;
using System.Text.Json.Nodes;

namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>
/// Renders a kustomization the way <c>kubectl kustomize</c> does, for exactly the features k8s/
/// uses, so that the overlays can be tested where kubectl is not installed:
/// <list type="bullet">
/// <item><c>resources</c>: files (several documents each) and directories holding a kustomization;</item>
/// <item><c>configMapGenerator</c>/<c>secretGenerator</c> with <c>literals</c> and <c>behavior</c>
/// create, merge or replace; generated names get kustomize's content hash, and references to them
/// from pod specs (envFrom, env valueFrom, volumes, image pull secrets) follow;</item>
/// <item><c>patches</c> with a <c>path</c> only: strategic merge patches whose target is the
/// object of the same kind and name (<see cref="StrategicMergePatch"/>);</item>
/// <item><c>namespace</c>, on every object that is not cluster-scoped, and on a binding's
/// ServiceAccount subject that names a rendered ServiceAccount;</item>
/// <item><c>labels</c> with <c>pairs</c>, <c>includeTemplates</c> (pod templates, job templates,
/// volume claim templates) and <c>includeSelectors: false</c>;</item>
/// <item><c>images</c> with <c>newName</c>, <c>newTag</c> or <c>digest</c>.</item>
/// </list>
/// Anything else in a kustomization (commonLabels, namePrefix, replicas, JSON patches, patch
/// targets, generator files...) is refused with <see cref="NotSupportedException"/> rather than
/// ignored, so a new feature in k8s/ cannot pass the tests unrendered. Transformations run in
/// kustomize's order: generators, patches, namespace, labels, images; hash suffixes and the
/// references that follow names last.
/// </summary>
public static class KustomizeRenderer
{
    private static readonly string[] KustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private static readonly FrozenSet<string> SupportedFields = FrozenSet.Create(
        StringComparer.Ordinal,
        "apiVersion", "kind", "resources", "configMapGenerator", "secretGenerator", "patches", "namespace", "labels", "images");

    // kustomize's default ("legacy") output order; other kinds follow, by kind then name.
    private static readonly string[] KindOrder =
    [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
        "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet",
        "CronJob", "PodDisruptionBudget",
    ];

    /// <summary>Renders the kustomization in <paramref name="directory"/> into its Kubernetes objects.</summary>
    public static IReadOnlyList<JsonObject> Render(string directory)
    {
        var resources = Build(Path.GetFullPath(directory), []);
        AppendHashSuffixes(resources);
        FollowServiceAccountSubjects(resources);
        return resources
            .Select(r => r.Object)
            .OrderBy(o => Array.IndexOf(KindOrder, o.String("kind")) is var i and >= 0 ? i : KindOrder.Length)
            .ThenBy(o => o.String("kind"), StringComparer.Ordinal)
            .ThenBy(o => o.String("metadata", "name"), StringComparer.Ordinal)
            .ToList();
    }

    private static List<Resource> Build(string directory, HashSet<string> visiting)
    {
        if (!visiting.Add(directory))
        {
            throw new InvalidDataException($"{directory}: kustomizations include each other in a cycle");
        }

        var file = KustomizationFileNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{directory}: no kustomization.yaml");
        var kustomization = Yaml.LoadFile(file) switch
        {
            [var single] => single,
            _ => throw new InvalidDataException($"{file}: must hold exactly one document"),
        };
        foreach (var (field, _) in kustomization)
        {
            if (!SupportedFields.Contains(field))
            {
                throw new NotSupportedException($"{file}: '{field}' is not supported by this renderer (supported: {string.Join(", ", SupportedFields)})");
            }
        }

        var resources = new List<Resource>();
        foreach (var entry in kustomization.Strings("resources"))
        {
            var path = Path.GetFullPath(Path.Combine(directory, entry));
            if (Directory.Exists(path))
            {
                resources.AddRange(Build(path, visiting));
            }
            else if (File.Exists(path))
            {
                resources.AddRange(Yaml.LoadFile(path).Select(o => new Resource(o, generated: false)));
            }
            else
            {
                throw new FileNotFoundException($"{file}: resource '{entry}' does not exist");
            }

            EnsureUnique(resources, file);
        }

        Generate(kustomization, "configMapGenerator", "ConfigMap", resources, file);
        Generate(kustomization, "secretGenerator", "Secret", resources, file);
        EnsureUnique(resources, file);
        ApplyPatches(kustomization, directory, resources, file);
        if (kustomization.String("namespace") is { } ns)
        {
            foreach (var resource in resources.Where(r => !KubernetesObjects.ClusterScopedKinds.Contains(r.Kind)))
            {
                resource.Object.Ensure("metadata")["namespace"] = ns;
            }
        }

        ApplyLabels(kustomization, resources, file);
        ApplyImages(kustomization, resources, file);
        visiting.Remove(directory);
        return resources;
    }

    private static void EnsureUnique(List<Resource> resources, string file)
    {
        var duplicate = resources.GroupBy(r => r.Object.Id()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{file}: {duplicate.Key} is defined more than once");
        }
    }

    private static void Generate(JsonObject kustomization, string field, string kind, List<Resource> resources, string file)
    {
        foreach (var generator in kustomization.Objects(field))
        {
            foreach (var (key, _) in generator)
            {
                if (key is not ("name" or "literals" or "behavior" or "type"))
                {
                    throw new NotSupportedException($"{file}: {field} '{key}' is not supported by this renderer (name, literals, behavior, type)");
                }
            }

            var name = generator.String("name") ?? throw new InvalidDataException($"{file}: a {field} entry has no name");
            var data = new JsonObject();
            foreach (var literal in generator.Strings("literals"))
            {
                var separator = literal.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0)
                {
                    throw new InvalidDataException($"{file}: {field} {name}: literal '{literal}' is not KEY=VALUE");
                }

                var value = literal[(separator + 1)..];
                if (value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'')
                {
                    value = value[1..^1];
                }

                data[literal[..separator]] = kind == "Secret" ? KustomizeBase64(value) : value;
            }

            var existing = resources.FirstOrDefault(r => r.Kind == kind && r.Name == name);
            switch (generator.String("behavior") ?? "create")
            {
                case "create" when existing is null:
                    var generated = new JsonObject
                    {
                        ["apiVersion"] = "v1",
                        ["kind"] = kind,
                        ["metadata"] = new JsonObject { ["name"] = name },
                    };
                    if (kind == "Secret")
                    {
                        generated["type"] = generator.String("type") ?? "Opaque";
                    }

                    generated["data"] = data;
                    resources.Add(new Resource(generated, generated: true));
                    break;
                case "create":
                    throw new InvalidDataException($"{file}: {kind}/{name} already exists; generate it with behavior merge or replace");
                case "merge" or "replace" when existing is not { Generated: true }:
                    throw new InvalidDataException($"{file}: {kind}/{name}: merge and replace need a {kind} generated by a base");
                case "merge":
                    var merged = existing.Object.Ensure("data");
                    foreach (var (key, value) in data)
                    {
                        merged[key] = value?.DeepClone();
                    }

                    break;
                case "replace":
                    existing.Object["data"] = data;
                    break;
                case var other:
                    throw new InvalidDataException($"{file}: {field} {name}: unknown behavior '{other}'");
            }
        }
    }

    // kustomize writes a Secret's value in base64 lines of 70 characters, each ending in a newline
    // once there is more than one, and hashes it so.
    private static string KustomizeBase64(string value)
    {
        const int LineLength = 70;
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        if (encoded.Length / LineLength == 0)
        {
            return encoded;
        }

        var lines = new StringBuilder();
        for (var i = 0; i < encoded.Length; i += LineLength)
        {
            lines.Append(encoded.AsSpan(i, Math.Min(LineLength, encoded.Length - i))).Append('\n');
        }

        return lines.ToString();
    }

    private static void ApplyPatches(JsonObject kustomization, string directory, List<Resource> resources, string file)
    {
        foreach (var entry in kustomization.Objects("patches"))
        {
            foreach (var (key, _) in entry)
            {
                if (key != "path")
                {
                    throw new NotSupportedException($"{file}: patches '{key}' is not supported by this renderer (only path, with the target named inside the patch)");
                }
            }

            var path = Path.Combine(directory, entry.String("path") ?? throw new InvalidDataException($"{file}: a patch has no path"));
            foreach (var patch in Yaml.LoadFile(path))
            {
                var target = resources.FirstOrDefault(r => r.Object.Id() == patch.Id())
                    ?? throw new InvalidDataException($"{path}: patches {patch.Id()}, which the kustomization does not have");
                StrategicMergePatch.Apply(target.Object, patch, path);
            }
        }
    }

    private static void ApplyLabels(JsonObject kustomization, List<Resource> resources, string file)
    {
        foreach (var entry in kustomization.Objects("labels"))
        {
            foreach (var (key, _) in entry)
            {
                if (key is not ("pairs" or "includeSelectors" or "includeTemplates"))
                {
                    throw new NotSupportedException($"{file}: labels '{key}' is not supported by this renderer");
                }
            }

            if (entry.Boolean("includeSelectors") == true)
            {
                throw new NotSupportedException($"{file}: labels with includeSelectors are not supported by this renderer (selectors are immutable; keep them out)");
            }

            var pairs = entry.StringMap("pairs");
            var includeTemplates = entry.Boolean("includeTemplates") == true;
            foreach (var resource in resources)
            {
                var targets = new List<JsonObject> { resource.Object.Ensure("metadata", "labels") };
                if (includeTemplates)
                {
                    if (resource.Kind == "CronJob")
                    {
                        targets.Add(resource.Object.Ensure("spec", "jobTemplate", "metadata", "labels"));
                    }

                    if (resource.Object.PodTemplate() is { } template)
                    {
                        targets.Add(template.Ensure("metadata", "labels"));
                    }

                    if (resource.Kind == "StatefulSet")
                    {
                        targets.AddRange(resource.Object.Objects("spec", "volumeClaimTemplates").Select(c => c.Ensure("metadata", "labels")));
                    }
                }

                foreach (var labels in targets)
                {
                    foreach (var (name, value) in pairs)
                    {
                        labels[name] = value;
                    }
                }
            }
        }
    }

    private static void ApplyImages(JsonObject kustomization, List<Resource> resources, string file)
    {
        foreach (var entry in kustomization.Objects("images"))
        {
            foreach (var (key, _) in entry)
            {
                if (key is not ("name" or "newName" or "newTag" or "digest"))
                {
                    throw new NotSupportedException($"{file}: images '{key}' is not supported by this renderer");
                }
            }

            var name = entry.String("name") ?? throw new InvalidDataException($"{file}: an images entry has no name");
            foreach (var container in resources.Select(r => r.Object.PodSpec()).OfType<JsonObject>().SelectMany(s => s.AllContainers()))
            {
                var (repository, tag, digest) = ImageReference.Parse(container.String("image") ?? string.Empty);
                if (repository != name)
                {
                    continue;
                }

                var newName = entry.String("newName") ?? repository;
                container["image"] = entry.String("digest") is { } newDigest ? $"{newName}@{newDigest}"
                    : entry.Scalar("newTag") is { } newTag ? $"{newName}:{newTag}"
                    : digest is not null ? $"{newName}@{digest}"
                    : tag is not null ? $"{newName}:{tag}"
                    : newName;
            }
        }
    }

    private static void AppendHashSuffixes(List<Resource> resources)
    {
        var renamed = new Dictionary<(string Kind, string Name), string>();
        foreach (var resource in resources.Where(r => r.Generated))
        {
            var name = resource.Name;
            var hashed = $"{name}-{NameHash.Suffix(resource.Object)}";
            resource.Object.Ensure("metadata")["name"] = hashed;
            renamed[(resource.Kind, name)] = hashed;
        }

        foreach (var spec in resources.Select(r => r.Object.PodSpec()).OfType<JsonObject>())
        {
            foreach (var container in spec.AllContainers())
            {
                foreach (var source in container.Objects("envFrom"))
                {
                    Rename(source.Object("configMapRef"), "name", "ConfigMap", renamed);
                    Rename(source.Object("secretRef"), "name", "Secret", renamed);
                }

                foreach (var variable in container.Objects("env"))
                {
                    Rename(variable.Object("valueFrom", "configMapKeyRef"), "name", "ConfigMap", renamed);
                    Rename(variable.Object("valueFrom", "secretKeyRef"), "name", "Secret", renamed);
                }
            }

            foreach (var volume in spec.Objects("volumes"))
            {
                Rename(volume.Object("configMap"), "name", "ConfigMap", renamed);
                Rename(volume.Object("secret"), "secretName", "Secret", renamed);
                foreach (var projected in volume.Objects("projected", "sources"))
                {
                    Rename(projected.Object("configMap"), "name", "ConfigMap", renamed);
                    Rename(projected.Object("secret"), "name", "Secret", renamed);
                }
            }

            foreach (var pullSecret in spec.Objects("imagePullSecrets"))
            {
                Rename(pullSecret, "name", "Secret", renamed);
            }
        }
    }

    // kustomize follows a binding's ServiceAccount subject to the ServiceAccount it renders, so a
    // subject written without a namespace gets the account's.
    private static void FollowServiceAccountSubjects(List<Resource> resources)
    {
        var accounts = resources.Where(r => r.Kind == "ServiceAccount").ToList();
        foreach (var binding in resources.Where(r => r.Kind is "RoleBinding" or "ClusterRoleBinding"))
        {
            foreach (var subject in binding.Object.Objects("subjects").Where(s => s.String("kind") == "ServiceAccount" && s.String("namespace") is null))
            {
                if (accounts.FirstOrDefault(a => a.Name == subject.String("name"))?.Object.String("metadata", "namespace") is { } ns)
                {
                    subject["namespace"] = ns;
                }
            }
        }
    }

    private static void Rename(JsonObject? reference, string field, string kind, Dictionary<(string Kind, string Name), string> renamed)
    {
        if (reference?.String(field) is { } name && renamed.TryGetValue((kind, name), out var hashed))
        {
            reference[field] = hashed;
        }
    }

    private sealed class Resource(JsonObject obj, bool generated)
    {
        public JsonObject Object { get; } = obj;

        public bool Generated { get; } = generated;

        public string Kind => Object.String("kind") ?? string.Empty;

        public string Name => Object.String("metadata", "name") ?? string.Empty;
    }
}
