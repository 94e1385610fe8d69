using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CollabPlatform.Api.Identity;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Security.Tests.Tokens;

/// <summary>
/// Tokens written byte by byte and signed with the run's key, so that a test controls every header
/// and claim (arrays, a missing <c>iat</c>, an odd <c>typ</c>) that a well-behaved issuer never makes.
/// </summary>
public static class CraftedTokens
{
    /// <summary>The claims of a valid facilitator token of Jawa Tengah, issued now for 10 minutes.</summary>
    public static Dictionary<string, object?> Claims(string subject = "facilitator:ID-33", object? role = null, object? jurisdiction = null, TimeSpan? lifetime = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["iss"] = CollabAuthOptions.DefaultIssuer,
            ["aud"] = CollabAuthOptions.DefaultAudience,
            ["sub"] = subject,
            ["role"] = role ?? "facilitator",
            ["jurisdiction"] = jurisdiction ?? "ID-33",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)(lifetime ?? TimeSpan.FromMinutes(10)).TotalSeconds,
        };
    }

    /// <summary>The header of an ES256 token of the run's key; <paramref name="type"/> null leaves <c>typ</c> out.</summary>
    public static Dictionary<string, object?> Header(string? type = "JWT")
    {
        var header = new Dictionary<string, object?>(StringComparer.Ordinal) { ["alg"] = "ES256", ["kid"] = TestSigningKey.Key.KeyId };
        if (type is not null)
        {
            header["typ"] = type;
        }

        return header;
    }

    /// <summary>Signs <paramref name="claims"/> under <paramref name="header"/> with the run's key.</summary>
    public static string Sign(IReadOnlyDictionary<string, object?> claims, IReadOnlyDictionary<string, object?>? header = null)
    {
        var signing = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(header ?? Header()))
            + "." + Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var key = ((ECDsaSecurityKey)TestSigningKey.Key.SigningCredentials.Key).ECDsa;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signing), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signing + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>The call metadata that sends <paramref name="token"/>.</summary>
    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };
}
