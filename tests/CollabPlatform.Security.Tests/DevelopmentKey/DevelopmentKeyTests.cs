using CollabPlatform.Api.Identity;
using CollabPlatform.Security.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.DevelopmentKey;

/// <summary>
/// The development key fails closed: a Host that would accept it while listening beyond loopback,
/// or read it from a file others may read or another user owns, does not start, and says why.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DevelopmentKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("collab-devkey-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_DevelopmentKeyListeningOnEveryInterface_ExitsNamingTheSettings()
    {
        var failed = await StartFailsAsync("sec-devkey-any", new Dictionary<string, string>
        {
            ["Collab:Api:ListenAddress"] = "0.0.0.0",
            ["Collab:Auth:DevelopmentKey"] = "true",
            ["Collab:Auth:DevelopmentKeyFile"] = Path.Combine(_folder, "dev-signing-key.json"),
        });

        Assert.Contains("Collab:Auth:DevelopmentKey", failed, StringComparison.Ordinal);
        Assert.Contains("Collab:Api:ListenAddress", failed, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", failed, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "dev-signing-key.json")), "the Host created a development key although it refused to use it");
    }

    [Fact]
    public async Task Start_KeyFileReadableByOthers_ExitsNamingTheMode()
    {
        var path = SavedKey();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var failed = await StartFailsAsync("sec-devkey-0644", DevelopmentKeySettings(path));

        Assert.Contains(path, failed, StringComparison.Ordinal);
        Assert.Contains("0644", failed, StringComparison.Ordinal);
        Assert.Contains("0600", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KeyFileOwnedByAnotherUser_ExitsNamingTheOwner()
    {
        // chown needs privileges; a test run without them cannot set the scene.
        var path = SavedKey();
        if (!TryChown(path, 12345))
        {
            Assert.Fail("this test needs to run as root (it gives the key file to uid 12345)");
        }

        var failed = await StartFailsAsync("sec-devkey-owner", DevelopmentKeySettings(path));

        Assert.Contains(path, failed, StringComparison.Ordinal);
        Assert.Contains("12345", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KeyFileOfTheHostsUserWithMode0600_Starts()
    {
        var path = SavedKey();

        await using var host = await SecureHost.StartAsync("sec-devkey-ok", DevelopmentKeySettings(path));

        Assert.False(host.Process.HasExited);
    }

    private static Dictionary<string, string> DevelopmentKeySettings(string path) => new()
    {
        ["Collab:Auth:DevelopmentKey"] = "true",
        ["Collab:Auth:DevelopmentKeyFile"] = path,
    };

    private static async Task<string> StartFailsAsync(string label, IReadOnlyDictionary<string, string> settings)
    {
        var (exitCode, output) = await RefusedStart.RunAsync(label, settings, TimeSpan.FromSeconds(90));

        Assert.True(exitCode != 0, $"the Host exited with 0:\n{output}");
        return output;
    }

    private string SavedKey()
    {
        var path = Path.Combine(_folder, $"key-{Guid.NewGuid():N}.json");
        using var key = DevelopmentSigningKey.Create();
        key.Save(path);
        return path;
    }

    private static bool TryChown(string path, int uid)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [uid.ToString(System.Globalization.CultureInfo.InvariantCulture), path]);
        chown.WaitForExit();
        return chown.ExitCode == 0;
    }
}
