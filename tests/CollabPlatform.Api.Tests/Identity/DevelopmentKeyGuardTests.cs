using System.Runtime.Versioning;
using CollabPlatform.Api.Identity;

namespace CollabPlatform.Api.Tests.Identity;

/// <summary>When the development key may be used: only on loopback, and only from a file that is the Host's alone.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DevelopmentKeyGuardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("collab-guard-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    public void Validate_DevelopmentKey_OnlyOnLoopback(string listenAddress, bool allowed)
    {
        var validator = new CollabAuthOptionsValidator(listenAddress);

        var result = validator.Validate(null, new CollabAuthOptions());

        Assert.Equal(allowed, result.Succeeded);
        if (!allowed)
        {
            Assert.Contains("Collab:Api:ListenAddress is " + listenAddress, result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("Collab:Auth:DevelopmentKey=false", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_ConfiguredKeysBeyondLoopback_Pass()
    {
        using var key = DevelopmentSigningKey.Create();
        var options = new CollabAuthOptions { SigningKeys = [new() { KeyId = "prod", PublicKey = key.PublicKeyPem }] };

        var result = new CollabAuthOptionsValidator("0.0.0.0").Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite, null)]
    [InlineData(UnixFileMode.UserRead, null)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "0640")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite, "0602")]
    public void Validate_ExistingKeyFile_MustBeTheOwnersAlone(UnixFileMode mode, string? named)
    {
        var path = Path.Combine(_folder, "key.json");
        using (var key = DevelopmentSigningKey.Create())
        {
            key.Save(path);
        }

        File.SetUnixFileMode(path, mode);
        var validator = new CollabAuthOptionsValidator("127.0.0.1", _ => path);

        var result = validator.Validate(null, new CollabAuthOptions());

        Assert.Equal(named is null, result.Succeeded);
        if (named is not null)
        {
            Assert.Contains($"{path} has mode {named}", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("0600", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_KeyFileNotCreatedYet_Passes()
    {
        var validator = new CollabAuthOptionsValidator("127.0.0.1", _ => Path.Combine(_folder, "not-yet.json"));

        Assert.True(validator.Validate(null, new CollabAuthOptions()).Succeeded);
    }

    [Fact]
    public void Describe_KeyFileSavedByThisProcess_IsFine()
    {
        var path = Path.Combine(_folder, "own.json");
        using var key = DevelopmentSigningKey.Create();
        key.Save(path);

        Assert.Null(KeyFileAccess.Describe(path));
    }
}
