using CollabPlatform.Deployment.Tests.Rendering;

namespace CollabPlatform.Deployment.Tests.Manifests;

[Collection(RenderedOverlays.Collection)]
public sealed class RenderedOverlaysTests(RenderedOverlays overlays)
{
    [Fact]
    public void All_TheBaseAndEveryFolderOfK8sOverlays_AreRenderedByKubectl()
    {
        var folders = Directory.GetDirectories(Repository.PathOf("k8s", "overlays")).Select(Path.GetFileName).OfType<string>();

        Assert.Equal(folders.Append(Overlay.Base).Order(StringComparer.Ordinal), overlays.All.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.NotNull(overlays.KubectlPath);
        Assert.All(overlays.All, o => Assert.True(o.Objects.Count > 0, $"kubectl kustomize rendered no object of {o.Name}"));
        Assert.All(overlays.All, o => Assert.Single(o.OfKind("Deployment"), d => d.String("metadata", "name") == Overlay.HostName));
    }
}
