using System.Runtime.Versioning;

namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>Where kubectl cannot render, the deployment tests fail with one line saying what to install.</summary>
public sealed class KubectlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("collab-kubectl-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Locate_PathVariableNamingAMissingFile_FailsWithOneLineSayingWhatToInstall()
    {
        var missing = Path.Combine(_folder, "no-such-kubectl");

        var error = Assert.Throws<InvalidOperationException>(() => Kubectl.Locate(Environment(missing, path: _folder)));

        AssertSaysWhatToInstall(error.Message);
        Assert.Contains($"{Kubectl.PathVariable}={missing}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_NoKubectlOnPath_FailsWithOneLineSayingWhatToInstall()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Kubectl.Locate(Environment(kubectl: null, path: _folder)));

        AssertSaysWhatToInstall(error.Message);
        Assert.Contains("not on PATH", error.Message, StringComparison.Ordinal);
    }

    // The stand-in kubectl is a shell script.
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task RequireKustomizeV5_KubectlWithAnOlderKustomize_FailsWithOneLineSayingWhatToInstall()
    {
        var old = Path.Combine(_folder, "kubectl");
        await File.WriteAllTextAsync(old, "#!/bin/sh\necho 'Client Version: v1.20.2'\necho 'Kustomize Version: v2.0.3'\n");
        File.SetUnixFileMode(old, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var kubectl = Kubectl.Locate(Environment(kubectl: null, path: _folder));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => kubectl.RequireKustomizeV5Async(CancellationToken.None));

        Assert.Equal(old, kubectl.Executable);
        AssertSaysWhatToInstall(error.Message);
        Assert.Contains("kustomize v2.0.3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderedOverlays_KubectlMissing_EveryOverlayFailsWithThatOneLine()
    {
        var missing = Path.Combine(_folder, "no-such-kubectl");
        var overlays = new RenderedOverlays(Environment(missing, path: _folder));

        await overlays.InitializeAsync();

        foreach (var name in Overlay.NamesWithBase)
        {
            var error = Assert.Throws<InvalidOperationException>(() => overlays[name]);
            AssertSaysWhatToInstall(error.Message);
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }

        Assert.Throws<InvalidOperationException>(() => overlays.All);
        Assert.Null(overlays.KubectlPath);
    }

    private static Func<string, string?> Environment(string? kubectl, string path) => variable => variable switch
    {
        Kubectl.PathVariable => kubectl,
        "PATH" => path,
        _ => null,
    };

    private static void AssertSaysWhatToInstall(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.Contains("install kubectl with kustomize v5", message, StringComparison.Ordinal);
        Assert.Contains(Kubectl.PathVariable, message, StringComparison.Ordinal);
    }
}
