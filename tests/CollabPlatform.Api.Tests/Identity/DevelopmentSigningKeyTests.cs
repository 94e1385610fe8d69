using CollabPlatform.Api.Identity;

namespace CollabPlatform.Api.Tests.Identity;

public sealed class DevelopmentSigningKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collab-key-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LoadOrCreate_Twice_CreatesOneKeyReadableOnlyByItsOwner()
    {
        var path = Path.Combine(_folder, "data", CollabAuthOptions.DevelopmentKeyFileName);

        using var first = DevelopmentSigningKey.LoadOrCreate(path);
        using var second = DevelopmentSigningKey.LoadOrCreate(path);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(first.PublicKeyPem, second.PublicKeyPem);
        Assert.StartsWith("dev-", first.KeyId, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Load_NotAKey_SaysSo()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, "{\"keyId\":\"x\",\"privateKey\":\"nope\"}");

        Assert.Throws<InvalidDataException>(() => DevelopmentSigningKey.Load(path));
    }
}
