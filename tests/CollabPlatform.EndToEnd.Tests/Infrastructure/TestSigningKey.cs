using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The signing key of a test run: the Host settings that trust it (applied by <see cref="HostProcess"/>),
/// the same key as a development key file (for the collab command), and tokens minted with it.
/// </summary>
public static class TestSigningKey
{
    private static readonly Lazy<(DevelopmentSigningKey Key, string File)> Signing = new(() =>
    {
        var key = DevelopmentSigningKey.Create();
        var file = Path.Combine(Path.GetTempPath(), $"collab-test-key-{Guid.NewGuid().ToString("N")[..10]}.json");
        key.Save(file);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return (key, file);
    });

    public static DevelopmentSigningKey Key => Signing.Value.Key;

    /// <summary>The key's file in the development key format, for <c>--key-file</c>.</summary>
    public static string KeyFile => Signing.Value.File;

    /// <summary>Host settings that accept this run's tokens (and no development key).</summary>
    public static IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Collab:Auth:SigningKeys:0:KeyId"] = Key.KeyId,
        ["Collab:Auth:SigningKeys:0:PublicKey"] = Key.PublicKeyPem,
        ["Collab:Auth:DevelopmentKey"] = "false",
    };

    /// <summary>A token for <paramref name="principal"/>, valid for an hour.</summary>
    public static string Token(Principal principal) =>
        TokenIssuer.Issue(Key.SigningCredentials, CollabAuthOptions.DefaultIssuer, CollabAuthOptions.DefaultAudience, principal, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
}
