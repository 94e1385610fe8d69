using System.Net;
using System.Text.Json.Nodes;
using CollabPlatform.Api.Identity;
using CollabPlatform.Deployment.Tests.Manifests;
using CollabPlatform.Deployment.Tests.Rendering;

namespace CollabPlatform.Deployment.Tests.Overlays;

/// <summary>
/// Who reaches the Host and whom it reaches, what its account may do, and the settings that close
/// its side doors, on every overlay as <c>kubectl kustomize</c> renders it.
/// </summary>
[Collection(RenderedOverlays.Collection)]
public sealed class NetworkAndRbacTests(RenderedOverlays overlays)
{
    private const string ApiAccessLabel = "collab-platform.io/api-access";

    [Fact]
    public void ApiIngress_EveryOverlay_OnlyFromALabelledPodInALabelledNamespace()
    {
        foreach (var name in Overlay.NamesWithBase)
        {
            var overlay = overlays[name];
            var rules = HostPolicies(overlay).SelectMany(p => p.Objects("spec", "ingress"))
                .Where(r => r.Objects("ports").Any(p => p.Scalar("port") is "grpc" or "http")).ToList();

            Assert.NotEmpty(rules);
            foreach (var peer in rules.SelectMany(r => Peers(r, "from", name)))
            {
                Assert.True(
                    peer.StringMap("namespaceSelector", "matchLabels").GetValueOrDefault(ApiAccessLabel) == "allowed"
                    && peer.StringMap("podSelector", "matchLabels").GetValueOrDefault(ApiAccessLabel) == "allowed",
                    $"overlay {name}: the API admits {peer.ToJsonString()}, not only pods labelled {ApiAccessLabel}=allowed in namespaces labelled the same");
                Assert.Null(peer["ipBlock"]);
            }
        }
    }

    [Fact]
    public void SiloIngress_EveryOverlay_OnlyFromTheHostsOwnPodsAndNoGatewayPort()
    {
        foreach (var name in Overlay.NamesWithBase)
        {
            var overlay = overlays[name];
            var hostLabels = overlay.HostDeployment.PodTemplate().StringMap("metadata", "labels");
            var selector = overlay.HostDeployment.StringMap("spec", "selector", "matchLabels");
            var ingress = HostPolicies(overlay).SelectMany(p => p.Objects("spec", "ingress")).ToList();
            var siloRules = ingress.Where(r => r.Objects("ports").Any(p => p.Scalar("port") == "silo")).ToList();

            Assert.NotEmpty(siloRules);
            foreach (var peer in siloRules.SelectMany(r => Peers(r, "from", name)))
            {
                Assert.True(peer["namespaceSelector"] is null && peer["ipBlock"] is null, $"overlay {name}: the silo port admits {peer.ToJsonString()} from outside the namespace");
                Assert.Equal(selector, peer.StringMap("podSelector", "matchLabels"));
                Assert.True(Overlay.Selects(peer.StringMap("podSelector", "matchLabels"), hostLabels), $"overlay {name}: the silo rule does not select the Host's pods");
            }

            Assert.DoesNotContain(ingress.SelectMany(r => r.Objects("ports")), p => p.Scalar("port") is "gateway" or "30000");
            Assert.DoesNotContain(overlay.HostContainerSpec.Objects("ports"), p => p.String("name") == "gateway" || p.Scalar("containerPort") == "30000");
            Assert.DoesNotContain(overlay.OfKind("Service").SelectMany(s => s.Objects("spec", "ports")), p => p.Scalar("port") == "30000" || p.Scalar("targetPort") is "gateway" or "30000");
        }
    }

    [Fact]
    public void DatabaseEgress_EveryOverlay_OnlyToTheDatabasesAddressOrPods()
    {
        foreach (var name in Overlay.NamesWithBase)
        {
            var overlay = overlays[name];
            var egress = HostPolicies(overlay).SelectMany(p => p.Objects("spec", "egress")).ToList();
            var database = egress.Where(r => r.Objects("ports").Any(p => p.Scalar("port") == "5432")).ToList();

            Assert.NotEmpty(database);
            // A rule without ports opens every port to its peers, the database port included.
            Assert.All(egress, r => Assert.True(r.Objects("ports").Any(), $"overlay {name}: an egress rule of the Host allows every port: {r.ToJsonString()}"));
            foreach (var rule in database)
            {
                var peers = Peers(rule, "to", name).ToList();
                Assert.All(rule.Objects("ports"), p => Assert.Equal("5432", p.Scalar("port")));
                foreach (var peer in peers)
                {
                    if (peer.String("ipBlock", "cidr") is { } cidr)
                    {
                        var prefix = int.Parse(cidr[(cidr.IndexOf('/', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                        Assert.True(IPNetwork.TryParse(cidr, out _) && prefix >= 24, $"overlay {name}: database egress to {cidr} is wider than the database's address");
                    }
                    else
                    {
                        var labels = peer.StringMap("podSelector", "matchLabels");
                        Assert.True(labels.Count > 0 && peer["namespaceSelector"] is null, $"overlay {name}: database egress to {peer.ToJsonString()} is not the database's pods");
                        Assert.True(
                            overlay.Workloads.Any(w => Overlay.Selects(labels, w.PodTemplate().StringMap("metadata", "labels")))
                                || overlay.OfKind("Cluster").Any(c => labels.GetValueOrDefault("cnpg.io/cluster") == c.String("metadata", "name")),
                            $"overlay {name}: database egress selects [{string.Join(", ", labels)}], which no database of the overlay carries");
                    }
                }
            }
        }
    }

    [Fact]
    public void OrleansRole_EveryOverlay_NeitherPatchesNorDeletesPods()
    {
        foreach (var name in Overlay.NamesWithBase)
        {
            var overlay = overlays[name];

            var verbs = overlay.OfKind("Role").SelectMany(r => r.Objects("rules")).SelectMany(r => r.Strings("verbs")).ToHashSet(StringComparer.Ordinal);

            Assert.Empty(verbs.Intersect(["patch", "delete", "deletecollection", "update", "create", "*"]));
        }
    }

    [Fact]
    public void Settings_Prod_TurnReflectionOffAndSilosToMutualTlsFromAMountedSecret()
    {
        foreach (var name in new[] { "prod", "prod-cnpg" })
        {
            var overlay = overlays[name];
            var host = overlay.HostContainerSpec;
            var tlsMount = host.Objects("volumeMounts").SingleOrDefault(m => m.String("name") == "orleans-tls");
            var tlsVolume = overlay.HostDeployment.PodSpec()!.Objects("volumes").SingleOrDefault(v => v.String("name") == "orleans-tls");

            Assert.Equal("false", overlay.EnvironmentValue(host, "Collab__Api__EnableReflection"));
            Assert.NotNull(tlsMount);
            Assert.Equal("true", tlsMount!.Scalar("readOnly"));
            Assert.Equal("collab-orleans-tls", tlsVolume?.String("secret", "secretName"));
            var directory = tlsMount.String("mountPath") + "/";
            Assert.Equal(directory + "tls.crt", overlay.EnvironmentValue(host, "Collab__Orleans__Tls__CertificatePath"));
            Assert.Equal(directory + "tls.key", overlay.EnvironmentValue(host, "Collab__Orleans__Tls__KeyPath"));
            Assert.Equal(directory + "ca.crt", overlay.EnvironmentValue(host, "Collab__Orleans__Tls__AuthorityPath"));
            Assert.Contains("collab-orleans-tls", DeploymentReadme.Section(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tokens_Dev_HaveAnIssuerAndAudienceOfTheDevClusterOnly()
    {
        var dev = overlays["dev"];
        var prod = overlays["prod"];

        var issuer = dev.EnvironmentValue(dev.HostContainerSpec, "Collab__Auth__Issuer");
        var audience = dev.EnvironmentValue(dev.HostContainerSpec, "Collab__Auth__Audience");

        Assert.NotNull(issuer);
        Assert.NotNull(audience);
        Assert.NotEqual(CollabAuthOptions.DefaultIssuer, issuer);
        Assert.NotEqual(CollabAuthOptions.DefaultAudience, audience);
        Assert.NotEqual(prod.EnvironmentValue(prod.HostContainerSpec, "Collab__Auth__Issuer") ?? CollabAuthOptions.DefaultIssuer, issuer);
        Assert.NotEqual(prod.EnvironmentValue(prod.HostContainerSpec, "Collab__Auth__Audience") ?? CollabAuthOptions.DefaultAudience, audience);
        Assert.Contains(issuer!, File.ReadAllText(Path.Combine(Overlay.FolderOf("dev"), "kustomization.yaml")).Split("--issuer ")[1], StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> HostPolicies(Overlay overlay)
    {
        var labels = overlay.HostDeployment.PodTemplate().StringMap("metadata", "labels");
        return overlay.OfKind("NetworkPolicy").Where(p => Overlay.Selects(p.StringMap("spec", "podSelector", "matchLabels"), labels));
    }

    private static List<JsonObject> Peers(JsonObject rule, string field, string overlay)
    {
        var peers = rule.Objects(field).ToList();
        Assert.True(peers.Count > 0, $"overlay {overlay}: a rule without '{field}' admits every peer: {rule.ToJsonString()}");
        return peers;
    }
}
