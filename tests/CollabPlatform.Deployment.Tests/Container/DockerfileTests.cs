using System.Globalization;
using System.Text.Json;
using CollabPlatform.Deployment.Tests.Manifests;
using CollabPlatform.Deployment.Tests.Rendering;
using CollabPlatform.Host.Hosting;

namespace CollabPlatform.Deployment.Tests.Container;

[Collection(RenderedOverlays.Collection)]
public sealed class DockerfileTests(RenderedOverlays overlays)
{
    private readonly Dockerfile _dockerfile = Dockerfile.Parse(File.ReadAllText(Repository.PathOf("Dockerfile")));

    [Fact]
    public void Stages_Dockerfile_BuildOnTheSdkAndRunOnAspNetCoreFromTheBuildOutput()
    {
        var build = _dockerfile.Stages[0];

        Assert.True(_dockerfile.Stages.Count >= 2, "the Dockerfile must build in one stage and run in another, so that the SDK stays out of the image");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", build.Image, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", _dockerfile.Final.Image, StringComparison.Ordinal);
        Assert.Contains(_dockerfile.Final.Arguments("COPY"), c => c.StartsWith($"--from={build.Name} ", StringComparison.Ordinal));
    }

    [Fact]
    public void BaseImages_Dockerfile_HaveATagOfTheSdkMajorVersionNeverLatest()
    {
        var sdkMajor = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("global.json"))).RootElement.GetProperty("sdk").GetProperty("version").GetString()!.Split('.')[0];
        var stageNames = _dockerfile.Stages.Select(s => s.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);

        foreach (var stage in _dockerfile.Stages.Where(s => !stageNames.Contains(s.Image)))
        {
            var (_, tag, digest) = ImageReference.Parse(stage.Image);
            Assert.True(digest is not null || (tag is not null && tag != "latest"), $"FROM {stage.Image}: give a tag (or digest), never latest");
            Assert.True(tag is null || tag.StartsWith(sdkMajor + ".", StringComparison.Ordinal), $"FROM {stage.Image}: the tag must be of .NET {sdkMajor}, the SDK global.json pins");
        }
    }

    [Fact]
    public void User_Dockerfile_IsTheNumericNonRootUserTheManifestsRunAs()
    {
        var user = Assert.Single(_dockerfile.Final.Arguments("USER"));
        var uid = user.Split(':')[0];

        Assert.True(long.TryParse(uid, CultureInfo.InvariantCulture, out var number) && number > 0, $"USER {user}: a numeric, non-zero user id lets the kubelet check runAsNonRoot");
        foreach (var name in Overlay.NamesWithBase)
        {
            var overlay = overlays[name];
            foreach (var workload in new[] { overlay.HostDeployment, overlay.MigrationJob })
            {
                Assert.True(
                    workload.PodSpec().Integer("securityContext", "runAsUser") == number,
                    $"overlay {name}: {workload.Id()} runs as user {workload.PodSpec().Integer("securityContext", "runAsUser")}, the image as {number}");
            }
        }
    }

    [Fact]
    public void Env_Dockerfile_TurnsTheDevelopmentKeyOffSoTheImageNeedsConfiguredKeys()
    {
        var env = _dockerfile.Final.Arguments("ENV")
            .SelectMany(a => a.Split([' ', '\t', '\\'], StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        Assert.True(env.TryGetValue("Collab__Auth__DevelopmentKey", out var developmentKey), "the image listens beyond loopback, so its ENV must set Collab__Auth__DevelopmentKey=false");
        var options = new CollabPlatform.Api.Identity.CollabAuthOptions { DevelopmentKey = bool.Parse(developmentKey) };

        var result = new CollabPlatform.Api.Identity.CollabAuthOptionsValidator(env["Collab__Api__ListenAddress"]).Validate(null, options);

        Assert.Equal("false", developmentKey);
        Assert.False(options.UsesDevelopmentKey);
        Assert.True(result.Failed, "an image without configured signing keys must refuse to start");
        Assert.Contains("Collab:Auth:SigningKeys is empty", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Expose_Dockerfile_ListsExactlyTheHostsContainerPorts()
    {
        var exposed = _dockerfile.Final.Arguments("EXPOSE")
            .SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Split('/')[0])
            .Order(StringComparer.Ordinal);

        foreach (var name in Overlay.NamesWithBase)
        {
            var ports = overlays[name].HostContainerSpec.Objects("ports").Select(p => p.Scalar("containerPort")!).Order(StringComparer.Ordinal);
            Assert.True(exposed.SequenceEqual(ports), $"EXPOSE {string.Join(" ", exposed)}, but the Host container in overlay {name} has ports {string.Join(" ", ports)}");
        }
    }

    [Fact]
    public void Publish_Dockerfile_RunsTheHostAndPutsTheCollabCliOnPath()
    {
        var build = string.Join("\n", _dockerfile.Stages[0].Arguments("RUN"));
        var runtime = string.Join("\n", _dockerfile.Final.Arguments("RUN"));
        var entrypoint = Assert.Single(_dockerfile.Final.Arguments("ENTRYPOINT"));
        var hostAssembly = typeof(CollabHost).Assembly.GetName().Name + ".dll";

        Assert.Contains("dotnet publish src/CollabPlatform.Host/CollabPlatform.Host.csproj", build, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/CollabPlatform.Cli/CollabPlatform.Cli.csproj", build, StringComparison.Ordinal);
        Assert.Contains($"/app/{hostAssembly}\"", entrypoint, StringComparison.Ordinal);
        Assert.Contains("/usr/local/bin/collab", runtime, StringComparison.Ordinal);
        Assert.Contains("/app/collab.dll", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerIgnore_Context_KeepsWhatTheBuildCopiesAndDropsBuildOutput()
    {
        var ignored = File.ReadAllLines(Repository.PathOf(".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var copied = _dockerfile.Stages.SelectMany(s => s.Arguments("COPY"))
            .Where(c => !c.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1].Where(a => !a.StartsWith("--", StringComparison.Ordinal)));

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        foreach (var source in copied)
        {
            Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"COPY {source}: not in the repository");
            Assert.DoesNotContain(source.TrimEnd('/') + "/", ignored);
            Assert.DoesNotContain(source, ignored);
        }
    }
}
