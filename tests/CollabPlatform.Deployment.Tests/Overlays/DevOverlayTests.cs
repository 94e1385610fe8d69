using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;
using CollabPlatform.Deployment.Tests.Manifests;
using CollabPlatform.Deployment.Tests.Rendering;

namespace CollabPlatform.Deployment.Tests.Overlays;

[Collection(RenderedOverlays.Collection)]
public sealed class DevOverlayTests(RenderedOverlays overlays)
{
    private readonly Overlay _dev = overlays["dev"];

    [Fact]
    public void Render_Dev_RunsOneOrTwoHostReplicasInNamespaceCollabDev()
    {
        var autoscaler = _dev.Single("HorizontalPodAutoscaler", Overlay.HostName);

        Assert.Equal("collab-dev", _dev.HostDeployment.String("metadata", "namespace"));
        Assert.Equal(1, autoscaler.Integer("spec", "minReplicas"));
        Assert.Equal(2, autoscaler.Integer("spec", "maxReplicas"));
    }

    [Fact]
    public void ConnectionString_Dev_ReachesTheInClusterPostgresWithItsCredentials()
    {
        var postgres = _dev.Single("StatefulSet", "collab-postgres");
        var credentials = Decode(_dev.Find("Secret", postgres.PodSpec()!.Objects("containers").Single().String("envFrom", "0", "secretRef", "name") ?? string.Empty));
        var reference = _dev.HostContainerSpec.Objects("env").Single(e => e.String("name") == "ConnectionStrings__Collab").Object("valueFrom", "secretKeyRef");
        var connection = new DbConnectionStringBuilder { ConnectionString = Decode(_dev.Find("Secret", reference.String("name") ?? string.Empty))[reference.String("key")!] };

        var service = _dev.Find("Service", (string)connection["Host"]);
        Assert.True(service is not null, $"the dev connection string names host {connection["Host"]}, which is no Service of the overlay");
        Assert.True(
            Overlay.Selects(service.StringMap("spec", "selector"), postgres.PodTemplate().StringMap("metadata", "labels")),
            $"Service {connection["Host"]} does not select the PostgreSQL pods");
        Assert.Contains(service.Objects("spec", "ports"), p => p.Scalar("port") == (string)connection["Port"]);
        // The Host's own login, created by the database's init script (DatabaseRolesOverlayTests), not its superuser.
        Assert.Equal("collab_app", connection["Username"]);
        Assert.Equal(credentials["COLLAB_RUNTIME_PASSWORD"], connection["Password"]);
        Assert.Equal(credentials["POSTGRES_DB"], connection["Database"]);
        Assert.Contains("dev-only", credentials["POSTGRES_PASSWORD"], StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_Dev_IsAPinnedPostgres15OnItsOwnVolumeAsThePostgresUser()
    {
        var postgres = _dev.Single("StatefulSet", "collab-postgres");
        var spec = postgres.PodSpec()!;
        var container = spec.Objects("containers").Single();
        var (repository, tag, _) = ImageReference.Parse(container.String("image") ?? string.Empty);
        var claim = postgres.Objects("spec", "volumeClaimTemplates").Single();
        var dataMount = container.Objects("volumeMounts").Single(m => m.String("name") == claim.String("metadata", "name"));
        var pgdata = container.Objects("env").Single(e => e.String("name") == "PGDATA").String("value");

        Assert.Equal("postgres", repository);
        Assert.Matches(@"^15\.\d+", tag);
        Assert.NotNull(claim.Scalar("spec", "resources", "requests", "storage"));
        Assert.StartsWith(dataMount.String("mountPath") + "/", pgdata, StringComparison.Ordinal);
        Assert.Equal(999, spec.Integer("securityContext", "fsGroup"));
        Assert.Equal(999, spec.Integer("securityContext", "runAsUser"));
        Assert.Equal("None", _dev.Single("Service", postgres.String("spec", "serviceName")!).String("spec", "clusterIP"));
    }

    [Fact]
    public void OrleansClusterId_Dev_DiffersFromProd()
    {
        static string? ClusterId(Overlay overlay) => overlay.HostDeployment.PodTemplate().String("metadata", "labels", "orleans/clusterId");

        Assert.NotEqual(ClusterId(overlays["prod"]), ClusterId(_dev));
    }

    private static Dictionary<string, string> Decode(JsonObject? secret)
    {
        Assert.NotNull(secret);
        return secret.StringMap("data").ToDictionary(
            p => p.Key,
            p => Encoding.UTF8.GetString(Convert.FromBase64String(p.Value.Replace("\n", string.Empty, StringComparison.Ordinal))),
            StringComparer.Ordinal);
    }
}
