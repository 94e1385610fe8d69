using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Access;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Integration.Tests.Api;

/// <summary>
/// The one place this assembly's API callers get their tokens: the run's signing key, the Host
/// settings that trust it, and tokens for any caller, including the broken kinds the access matrix
/// needs (expired, signed by another key, meant for another audience).
/// </summary>
public static class TestTokens
{
    private static readonly DevelopmentSigningKey Key = DevelopmentSigningKey.Create();

    // Another key under the same key id: its signatures must not verify.
    private static readonly DevelopmentSigningKey Impostor = DevelopmentSigningKey.Create();

    public static string KeyId => Key.KeyId;

    /// <summary>Host settings that accept this run's tokens (and no development key).</summary>
    public static IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Collab:Auth:SigningKeys:0:KeyId"] = Key.KeyId,
        ["Collab:Auth:SigningKeys:0:PublicKey"] = Key.PublicKeyPem,
        ["Collab:Auth:DevelopmentKey"] = "false",
    };

    /// <summary>Tokens for the collab command's client, minted with this run's key, acting as <paramref name="actor"/>.</summary>
    internal static Cli.Client.ClientCredentials CredentialsOf(string actor) =>
        Cli.Client.ClientCredentials.Minted(Key, CollabAuthOptions.DefaultIssuer, CollabAuthOptions.DefaultAudience, Cli.Client.ClientCredentials.ActorPrincipal(actor));

    public static Principal Admin { get; } = new("admin:it", Role.Admin, null);

    public static Principal Official(string region) => new($"official:{region}", Role.RegionOfficial, region);

    public static Principal Facilitator(string jurisdiction) => new($"facilitator:{jurisdiction}", Role.Facilitator, jurisdiction);

    public static Principal Ministry(string country) => new($"ministry:{country}", Role.Ministry, "MINISTRY-" + country);

    public static Principal Auditor(string jurisdiction) => new($"auditor:{jurisdiction}", Role.Auditor, jurisdiction);

    /// <summary>A valid token for <paramref name="principal"/>, for the next ten minutes.</summary>
    public static string For(Principal principal) =>
        TokenIssuer.Issue(Key.SigningCredentials, CollabAuthOptions.DefaultIssuer, CollabAuthOptions.DefaultAudience, principal, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));

    /// <summary>A token that expired an hour ago (well past any clock skew).</summary>
    public static string Expired(Principal principal) =>
        TokenIssuer.Issue(Key.SigningCredentials, CollabAuthOptions.DefaultIssuer, CollabAuthOptions.DefaultAudience, principal, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1));

    /// <summary>A token that names this run's key id but is signed by another key.</summary>
    public static string WrongSignature(Principal principal) =>
        TokenIssuer.Issue(
            new SigningCredentials(new ECDsaSecurityKey(((ECDsaSecurityKey)Impostor.SigningCredentials.Key).ECDsa) { KeyId = Key.KeyId }, SecurityAlgorithms.EcdsaSha256),
            CollabAuthOptions.DefaultIssuer,
            CollabAuthOptions.DefaultAudience,
            principal,
            DateTimeOffset.UtcNow,
            TimeSpan.FromMinutes(10));

    /// <summary>A token for another API.</summary>
    public static string WrongAudience(Principal principal) =>
        TokenIssuer.Issue(Key.SigningCredentials, CollabAuthOptions.DefaultIssuer, "some-other-api", principal, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));
}
