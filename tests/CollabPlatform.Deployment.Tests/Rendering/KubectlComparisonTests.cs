using CollabPlatform.Deployment.Tests.Manifests;

namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>Where kubectl is installed, the built-in renderer must agree with it object for object.</summary>
public sealed class KubectlComparisonTests
{
    [KubectlFact]
    public async Task Render_EveryOverlay_EqualsKubectlKustomize()
    {
        foreach (var name in Overlay.Names)
        {
            var ours = Overlay.Render(name).Objects.ToDictionary(o => $"{o.String("metadata", "namespace")}/{o.Id()}");
            var kubectl = Yaml.ParseDocuments(await Kubectl.KustomizeAsync(Overlay.FolderOf(name)), $"kubectl kustomize {name}")
                .ToDictionary(o => $"{o.String("metadata", "namespace")}/{o.Id()}");

            Assert.True(
                ours.Keys.Order(StringComparer.Ordinal).SequenceEqual(kubectl.Keys.Order(StringComparer.Ordinal)),
                $"overlay {name}: kubectl renders [{string.Join(", ", kubectl.Keys.Order(StringComparer.Ordinal))}], the renderer [{string.Join(", ", ours.Keys.Order(StringComparer.Ordinal))}]");
            foreach (var (id, expected) in kubectl)
            {
                var difference = JsonDifference.Find(expected, ours[id]);
                Assert.True(difference is null, $"overlay {name}: {id} differs from kubectl's at {difference}");
            }
        }
    }
}
