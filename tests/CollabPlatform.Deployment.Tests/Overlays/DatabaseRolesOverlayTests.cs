using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;
using CollabPlatform.Deployment.Tests.Manifests;
using CollabPlatform.Deployment.Tests.Rendering;

namespace CollabPlatform.Deployment.Tests.Overlays;

/// <summary>
/// The database's two logins in the manifests: the migration Job runs as the schema's owner, from a Secret
/// the replicas never reference; the replicas run as the least-privileged runtime login; the dev database
/// creates both logins, with the passwords of the connection strings, when it is initialised.
/// </summary>
[Collection(RenderedOverlays.Collection)]
public sealed class DatabaseRolesOverlayTests(RenderedOverlays overlays)
{
    public static TheoryData<string> Overlays => Overlay.AllWithBase;

    [Theory]
    [MemberData(nameof(Overlays))]
    public void MigrationJob_InEveryOverlay_ReadsTheMigratorsSecretWhichNoReplicaReferences(string name)
    {
        var overlay = overlays[name];
        var job = overlay.Container(overlay.MigrationJob, overlay.MigrationJob.PodSpec()!.Objects("containers").Single().String("name")!);
        var migrator = SecretReference(job, "ConnectionStrings__CollabMigrator");

        Assert.NotNull(migrator);
        Assert.Equal("ConnectionStrings__CollabMigrator", migrator.Value.Key);
        Assert.Null(SecretReference(job, "ConnectionStrings__Collab"));
        Assert.DoesNotContain(
            overlay.HostDeployment.PodSpec()!.Objects("containers").SelectMany(c => c.Objects("env").Concat(c.Objects("envFrom"))),
            e => (e.String("valueFrom", "secretKeyRef", "name") ?? e.String("secretRef", "name")) == migrator.Value.Name);
        Assert.NotEqual(migrator.Value.Name, SecretReference(overlay.HostContainerSpec, "ConnectionStrings__Collab")?.Name);
    }

    [Fact]
    public void Dev_HostAndJobLogins_AreTheOnesTheDatabasesInitScriptCreates()
    {
        var dev = overlays["dev"];
        var postgres = dev.Single("StatefulSet", "collab-postgres");
        var credentials = Decode(dev.Find("Secret", postgres.PodSpec()!.Objects("containers").Single().String("envFrom", "0", "secretRef", "name") ?? string.Empty));
        var host = Connection(dev, dev.HostContainerSpec, "ConnectionStrings__Collab");
        var job = Connection(dev, dev.Container(dev.MigrationJob, "migrate"), "ConnectionStrings__CollabMigrator");
        var initVolume = postgres.PodSpec()!.Objects("volumes").Single(v => v.String("configMap", "name") is "collab-postgres-init");
        var mount = postgres.PodSpec()!.Objects("containers").Single().Objects("volumeMounts").Single(m => m.String("name") == initVolume.String("name"));
        var script = string.Concat(dev.Single("ConfigMap", "collab-postgres-init").StringMap("data").Values);

        Assert.Equal("/docker-entrypoint-initdb.d", mount.String("mountPath"));
        Assert.NotEqual(credentials["POSTGRES_USER"], host["Username"]);
        Assert.NotEqual(credentials["POSTGRES_USER"], job["Username"]);
        Assert.Equal(credentials["COLLAB_RUNTIME_PASSWORD"], host["Password"]);
        Assert.Equal(credentials["COLLAB_MIGRATOR_PASSWORD"], job["Password"]);
        Assert.Contains($"CREATE ROLE {host["Username"]} LOGIN PASSWORD :'runtime_password' IN ROLE collab_runtime;", script, StringComparison.Ordinal);
        Assert.Contains($"CREATE ROLE {job["Username"]} LOGIN PASSWORD :'migrator_password';", script, StringComparison.Ordinal);
        Assert.Contains($"OWNER TO {job["Username"]};", script, StringComparison.Ordinal);
        Assert.Contains("runtime_password=\"$COLLAB_RUNTIME_PASSWORD\"", script, StringComparison.Ordinal);
        Assert.Contains("migrator_password=\"$COLLAB_MIGRATOR_PASSWORD\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("SUPERUSER", script, StringComparison.OrdinalIgnoreCase);
    }

    private static (string Name, string Key)? SecretReference(JsonObject container, string variable) =>
        container.Objects("env").LastOrDefault(e => e.String("name") == variable)?.Object("valueFrom", "secretKeyRef") is { } reference
            ? (reference.String("name")!, reference.String("key")!)
            : null;

    private static DbConnectionStringBuilder Connection(Overlay overlay, JsonObject container, string variable)
    {
        var reference = SecretReference(container, variable);
        Assert.True(reference is not null, $"{variable} is not read from a Secret");
        return new DbConnectionStringBuilder { ConnectionString = Decode(overlay.Find("Secret", reference.Value.Name))[reference.Value.Key] };
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
