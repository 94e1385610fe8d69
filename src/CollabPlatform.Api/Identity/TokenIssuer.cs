using CollabPlatform.Domain.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Api.Identity;

/// <summary>Mints tokens in the shape the Host accepts (<c>collab token</c>, the CLI's own calls, tests).</summary>
public static class TokenIssuer
{
    /// <summary>A signed JWT for <paramref name="principal"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    public static string Issue(SigningCredentials credentials, string issuer, string audience, Principal principal, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(principal);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [TokenClaims.Subject] = principal.Subject,
            [TokenClaims.Role] = RoleNames.Of(principal.Role),
        };
        if (principal.Jurisdiction is { } jurisdiction)
        {
            claims[TokenClaims.Jurisdiction] = jurisdiction;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
