using System.Data.Common;
using System.Text;
using CollabPlatform.Deployment.Tests.Manifests;
using CollabPlatform.Deployment.Tests.Rendering;

namespace CollabPlatform.Deployment.Tests.Overlays;

/// <summary>
/// prod-cnpg, as <c>kubectl kustomize</c> renders it: a CloudNativePG cluster that survives the
/// loss of its primary without losing an acknowledged change, backed up to object storage, with the
/// Host on its read-write Service.
/// </summary>
[Collection(RenderedOverlays.Collection)]
public sealed class CloudNativePgOverlayTests(RenderedOverlays overlays)
{
    private const string Name = "prod-cnpg";

    [Fact]
    public void Cluster_ProdCnpg_HasThreeInstancesWithSynchronousReplicationAndBackups()
    {
        var overlay = overlays[Name];

        var cluster = overlay.OfKind("Cluster").Single();
        var synchronous = cluster.Object("spec", "postgresql", "synchronous");
        var store = cluster.Object("spec", "backup", "barmanObjectStore");
        var backup = overlay.OfKind("ScheduledBackup").Single();

        Assert.Equal("postgresql.cnpg.io/v1", cluster.String("apiVersion"));
        Assert.Equal(3, cluster.Integer("spec", "instances"));
        Assert.Matches(@":15\.\d+$", cluster.String("spec", "imageName"));
        Assert.True(
            synchronous is not null ? synchronous.Integer("number") >= 1 : cluster.Integer("spec", "minSyncReplicas") >= 1,
            "the cluster acknowledges commits that no standby has");
        Assert.StartsWith("s3://", store?.String("destinationPath"), StringComparison.Ordinal);
        Assert.Equal("collab-db-backup", store!.String("s3Credentials", "accessKeyId", "name"));
        Assert.Equal("collab-db-backup", store.String("s3Credentials", "secretAccessKey", "name"));
        Assert.True(DeploymentReadme.SecretsToCreate().TryGetValue("collab-db-backup", out var keys), "docs/deployment.md does not say to create Secret collab-db-backup");
        Assert.Contains(store.String("s3Credentials", "accessKeyId", "key")!, keys);
        Assert.Contains(store.String("s3Credentials", "secretAccessKey", "key")!, keys);
        Assert.Equal(cluster.String("metadata", "name"), backup.String("spec", "cluster", "name"));
        Assert.Equal("collab", cluster.String("metadata", "namespace"));
    }

    [Fact]
    public void ConnectionString_ProdCnpg_NamesTheReadWriteServiceAndTheOperatorsPasswordAndCa()
    {
        var overlay = overlays[Name];
        var cluster = overlay.OfKind("Cluster").Single();
        var clusterName = cluster.String("metadata", "name");

        // The replicas log in as the managed least-privileged role, the migration Job as the owner.
        var runtime = cluster.Objects("spec", "managed", "roles").Single(r => r.String("name") == "collab_app");
        foreach (var (workload, container, variable, user, passwordSecret) in new[]
        {
            (overlay.HostDeployment, Overlay.HostContainer, "ConnectionStrings__Collab", "collab_app", runtime.String("passwordSecret", "name")),
            (overlay.MigrationJob, "migrate", "ConnectionStrings__CollabMigrator", cluster.String("spec", "bootstrap", "initdb", "owner"), $"{clusterName}-app"),
        })
        {
            var spec = overlay.Container(workload, container);
            var reference = spec.Objects("env").Single(e => e.String("name") == variable).Object("valueFrom", "secretKeyRef")!;
            var secret = overlay.Find("Secret", reference.String("name")!);
            Assert.NotNull(secret);
            var connection = new DbConnectionStringBuilder
            {
                ConnectionString = Encoding.UTF8.GetString(Convert.FromBase64String(secret!.StringMap("data")[reference.String("key")!].Replace("\n", string.Empty, StringComparison.Ordinal))),
            };
            var password = spec.Objects("env").Single(e => e.String("name") == "PGPASSWORD").Object("valueFrom", "secretKeyRef")!;
            var caMount = spec.Objects("volumeMounts").Single(m => m.String("name") == "db-ca");
            var caVolume = workload.PodSpec()!.Objects("volumes").Single(v => v.String("name") == "db-ca");

            Assert.Equal($"{clusterName}-rw", connection["Host"]);
            Assert.Equal(cluster.String("spec", "bootstrap", "initdb", "database"), connection["Database"]);
            Assert.Equal(user, connection["Username"]);
            Assert.False(connection.ContainsKey("Password"), "the rendered connection string carries a password");
            Assert.Equal(passwordSecret, password.String("name"));
            Assert.Equal("password", password.String("key"));
            Assert.Equal("VerifyFull", connection["SSL Mode"]);
            Assert.Equal($"{caMount.String("mountPath")}/ca.crt", connection["Root Certificate"]);
            Assert.Equal($"{clusterName}-ca", caVolume.String("secret", "secretName"));
        }
    }
}
