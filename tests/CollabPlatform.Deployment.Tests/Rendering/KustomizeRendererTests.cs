using System.Text.Json.Nodes;

namespace CollabPlatform.Deployment.Tests.Rendering;

public sealed class KustomizeRendererTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("collab-kustomize-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Render_PatchNamingAContainer_MergesIntoThatContainerOnly()
    {
        Write("base/kustomization.yaml", "resources: [deployment.yaml]");
        Write("base/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app}
            spec:
              template:
                spec:
                  containers:
                    - name: a
                      image: a:1
                      env: [{name: X, value: "1"}, {name: Y, value: "2"}]
                    - name: b
                      image: b:1
            """);
        Write("overlay/kustomization.yaml", "resources: [../base]\npatches: [{path: patch.yaml}]");
        Write("overlay/patch.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app}
            spec:
              template:
                spec:
                  containers:
                    - name: a
                      env: [{name: Y, value: "3"}, {name: Z, value: "4"}]
            """);

        var containers = Render("overlay").Single().Objects("spec", "template", "spec", "containers").ToList();

        Assert.Equal(["a", "b"], containers.Select(c => c.String("name")));
        Assert.Equal("a:1", containers[0].String("image"));
        // kubectl kustomize's order: the patch's variables first, then the rest of the base's.
        Assert.Equal(["Y=3", "Z=4", "X=1"], containers[0].Objects("env").Select(e => $"{e.String("name")}={e.String("value")}"));
        Assert.Equal("b:1", containers[1].String("image"));
    }

    [Fact]
    public void Render_PatchWithNull_RemovesTheField()
    {
        Write("kustomization.yaml", "resources: [pdb.yaml]\npatches: [{path: patch.yaml}]");
        Write("pdb.yaml", "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {maxUnavailable: 1}");
        Write("patch.yaml", "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {maxUnavailable: null, minAvailable: 2}");

        var spec = Render(".").Single().Object("spec");

        Assert.Equal("""{"minAvailable":2}""", spec?.ToJsonString());
    }

    [Fact]
    public void Render_GeneratedConfigMap_GetsKubectlsHashAndReferencesFollowIt()
    {
        Write("kustomization.yaml", """
            resources: [job.yaml]
            configMapGenerator:
              - name: settings
                literals: ["A=1", "B=x<&>y"]
            """);
        Write("job.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
              template:
                spec:
                  containers:
                    - name: c
                      image: c:1
                      envFrom: [{configMapRef: {name: settings}}]
            """);

        var objects = Render(".");

        // The name kubectl kustomize (v5.5) gives this ConfigMap.
        Assert.Equal("settings-mm2dc7hk5g", objects.Single(o => o.String("kind") == "ConfigMap").String("metadata", "name"));
        Assert.Equal("settings-mm2dc7hk5g", objects.Single(o => o.String("kind") == "Job").String("spec", "template", "spec", "containers", "0", "envFrom", "0", "configMapRef", "name"));
    }

    [Fact]
    public void Render_UnsupportedKustomizeField_IsRefusedNotIgnored()
    {
        Write("kustomization.yaml", "resources: []\ncommonLabels: {a: b}");

        var error = Assert.Throws<NotSupportedException>(() => Render("."));

        Assert.Contains("'commonLabels' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PatchOfAListWithAnUnknownMergeKey_IsRefused()
    {
        Write("kustomization.yaml", "resources: [service.yaml]\npatches: [{path: patch.yaml}]");
        Write("service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 1}]}");
        Write("patch.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 2}]}");

        var error = Assert.Throws<NotSupportedException>(() => Render("."));

        Assert.Contains("spec.ports", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImagesEntry_RetagsOnlyThatRepositoryEvenBehindARegistryPort()
    {
        Write("kustomization.yaml", "resources: [pod.yaml]\nimages: [{name: 'registry:5000/team/app', newTag: '2.0'}]");
        Write("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers: [{name: i, image: "registry:5000/team/app:1.0"}]
              containers: [{name: c, image: "registry:5000/team/app"}, {name: d, image: "other/app:1.0"}]
            """);

        var spec = Render(".").Single().Object("spec");

        Assert.Equal("registry:5000/team/app:2.0", spec.String("initContainers", "0", "image"));
        Assert.Equal(["registry:5000/team/app:2.0", "other/app:1.0"], spec.Objects("containers").Select(c => c.String("image")));
    }

    private IReadOnlyList<JsonObject> Render(string directory) => KustomizeRenderer.Render(Path.Combine(_root, directory));

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
