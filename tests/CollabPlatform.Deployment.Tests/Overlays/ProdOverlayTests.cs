using System.Text.Json.Nodes;
using CollabPlatform.Deployment.Tests.Manifests;
using CollabPlatform.Deployment.Tests.Rendering;
using k8s.Models;

namespace CollabPlatform.Deployment.Tests.Overlays;

[Collection(RenderedOverlays.Collection)]
public sealed class ProdOverlayTests(RenderedOverlays overlays)
{
    private readonly Overlay _prod = overlays["prod"];

    [Fact]
    public void Render_Prod_ScalesTheHostFromThreeToTenInNamespaceCollab()
    {
        var autoscaler = _prod.Single("HorizontalPodAutoscaler", Overlay.HostName);

        Assert.Equal("collab", _prod.HostDeployment.String("metadata", "namespace"));
        Assert.Equal(3, autoscaler.Integer("spec", "minReplicas"));
        Assert.Equal(10, autoscaler.Integer("spec", "maxReplicas"));
    }

    [Fact]
    public void Render_Prod_LeavesTheDatabaseAndItsSecretToTheOperator()
    {
        var reference = _prod.HostContainerSpec.Objects("env").Single(e => e.String("name") == "ConnectionStrings__Collab").Object("valueFrom", "secretKeyRef");
        var documented = DeploymentReadme.SecretsToCreate();

        Assert.Empty(_prod.OfKind("Secret"));
        Assert.Empty(_prod.OfKind("StatefulSet"));
        Assert.True(
            documented.TryGetValue(reference.String("name")!, out var keys) && keys.Contains(reference.String("key")!),
            $"docs/deployment.md must show `kubectl create secret generic {reference.String("name")} --from-literal={reference.String("key")}=...`; it documents [{string.Join(", ", documented.Select(d => $"{d.Key}: {string.Join("/", d.Value)}"))}]");
    }

    [Fact]
    public void Budget_Prod_LetsOnlyOneOfTheMinimumThreeReplicasGoAtATime()
    {
        var budget = _prod.Single("PodDisruptionBudget", Overlay.HostName);

        Assert.True(
            budget.Integer("spec", "maxUnavailable") == 1 || budget.Integer("spec", "minAvailable") >= 2,
            $"{budget.Id()} allows more than one of three replicas to be evicted at once");
    }

    [Fact]
    public void Resources_Prod_GuaranteeTheHostsMemoryAndGiveItMoreThanDev()
    {
        var prod = _prod.HostContainerSpec;
        var dev = overlays["dev"].HostContainerSpec;
        static decimal Quantity(JsonObject container, params string[] path) => new ResourceQuantity(container.Scalar(["resources", .. path])).ToDecimal();

        Assert.Equal(Quantity(prod, "requests", "memory"), Quantity(prod, "limits", "memory"));
        Assert.True(Quantity(prod, "requests", "cpu") > Quantity(dev, "requests", "cpu"), "prod must reserve more CPU per replica than dev");
        Assert.True(Quantity(prod, "requests", "memory") > Quantity(dev, "requests", "memory"), "prod must reserve more memory per replica than dev");
    }
}
