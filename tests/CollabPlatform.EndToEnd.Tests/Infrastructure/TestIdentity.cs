using CollabPlatform.Api.Identity;
using CollabPlatform.Cli.Client;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The one place this assembly's callers get their identity: a signing key of the test run (also
/// written as a development key file, for the CLI), the Host settings that trust it, and tokens
/// minted with it. Every Host of these tests is started with <see cref="HostSettings"/> and every
/// client calls with <see cref="Credentials"/>.
/// </summary>
public static class TestIdentity
{
    private static readonly Lazy<(DevelopmentSigningKey Key, string File)> Signing = new(() =>
    {
        var key = DevelopmentSigningKey.Create();
        var file = Path.Combine(Path.GetTempPath(), $"collab-e2e-key-{Guid.NewGuid().ToString("N")[..10]}.json");
        key.Save(file);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return (key, file);
    });

    /// <summary>The key's file in the development key format, for <c>--key-file</c>.</summary>
    public static string KeyFile => Signing.Value.File;

    /// <summary>Host settings that accept this run's tokens (and no development key).</summary>
    public static IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Collab:Auth:SigningKeys:0:KeyId"] = Signing.Value.Key.KeyId,
        ["Collab:Auth:SigningKeys:0:PublicKey"] = Signing.Value.Key.PublicKeyPem,
        ["Collab:Auth:DevelopmentKey"] = "false",
    };

    /// <summary>Tokens minted with this run's key; the client acts as the admin <c>cli</c> unless told otherwise.</summary>
    internal static ClientCredentials Credentials { get; } = ClientCredentials.Minted(Signing.Value.Key, CollabAuthOptions.DefaultIssuer, CollabAuthOptions.DefaultAudience);

    /// <summary>A region's official, named <c>official:&lt;region&gt;</c> like the stories' actors.</summary>
    public static Principal Official(string region) => new($"official:{region}", Role.RegionOfficial, region);

    /// <summary>A token for <paramref name="principal"/>.</summary>
    public static string Token(Principal principal) => Credentials.TokenFor(principal);
}
