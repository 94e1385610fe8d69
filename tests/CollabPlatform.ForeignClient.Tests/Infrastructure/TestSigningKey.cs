using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

// The shared HostProcess asks this namespace for the run key's Host settings.
namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The run's signing key and tokens minted with the JWT library alone, in the shape the contract
/// documents (protos/README.md "Authentication"): no server code decides what a token looks like.
/// </summary>
public static class TestSigningKey
{
    /// <summary>Issuer and audience the Host expects by default.</summary>
    public const string Issuer = "collab-platform";

    /// <summary>The audience of every collab.v1 token.</summary>
    public const string Audience = "collab-api";

    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static readonly string KeyId = "foreign-" + Convert.ToHexStringLower(SHA256.HashData(Key.ExportSubjectPublicKeyInfo()))[..12];

    /// <summary>Host settings that accept this run's tokens (and no development key).</summary>
    public static IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Collab:Auth:SigningKeys:0:KeyId"] = KeyId,
        ["Collab:Auth:SigningKeys:0:PublicKey"] = Key.ExportSubjectPublicKeyInfoPem(),
        ["Collab:Auth:DevelopmentKey"] = "false",
    };

    /// <summary>A token valid for an hour with the claims <c>sub</c>, <c>role</c> and (unless null) <c>jurisdiction</c>.</summary>
    public static string Token(string subject, string role, string? jurisdiction)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = subject, ["role"] = role };
        if (jurisdiction is not null)
        {
            claims["jurisdiction"] = jurisdiction;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(Key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
