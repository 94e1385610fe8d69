using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.Regions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Checks a bearer token: signature by one of the accepted keys (chosen by <c>kid</c>), issuer,
/// audience, lifetime with a small clock skew, then the CollabPlatform claims. Failures come back as
/// one sentence for the caller; the token itself never appears in them.
/// <para>
/// A client sends the same token with every call, and checking its signature costs more than many
/// a call itself; so a token that passed is remembered by its exact text until its own expiry
/// (without the clock skew) and accepted again without a second check. The accepted keys, issuer,
/// audience and region catalogue never change while the Host runs, so the answer could not differ.
/// Refused tokens are not remembered, and at most <see cref="MaxRemembered"/> tokens are.
/// </para>
/// </summary>
public sealed class TokenValidator
{
    /// <summary>Longer tokens are refused unread.</summary>
    public const int MaxTokenLength = 8192;

    /// <summary>How many accepted tokens are remembered at most; the memory starts afresh when full.</summary>
    public const int MaxRemembered = 10_000;

    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly TokenValidationParameters _parameters;
    private readonly RegionCatalog _catalog;
    private readonly ConcurrentDictionary<string, Accepted> _accepted = new(StringComparer.Ordinal);

    public TokenValidator(string issuer, string audience, TimeSpan clockSkew, IReadOnlyList<SecurityKey> keys, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _catalog = catalog;
        Issuer = issuer;
        Audience = audience;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = Algorithms,
            ClockSkew = clockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            // Only the key a token names may verify it, so that rotation never means trying every key.
            TryAllIssuerSigningKeys = false,
        };
    }

    public string Issuer { get; }

    public string Audience { get; }

    /// <summary>The number of accepted tokens remembered now.</summary>
    internal int RememberedCount => _accepted.Count;

    /// <summary>The caller the token proves, or null with the reason the token is refused.</summary>
    public async Task<(Principal? Principal, string? Problem)> ValidateAsync(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxTokenLength)
        {
            return (null, $"the bearer token is longer than {MaxTokenLength} characters");
        }

        if (_accepted.TryGetValue(token, out var known))
        {
            if (DateTime.UtcNow < known.ExpiresUtc)
            {
                return (known.Principal, null);
            }

            // Past its expiry it is checked again in full: the clock skew may still admit it, or it is refused.
            _accepted.TryRemove(token, out _);
        }

        if (!_handler.CanReadToken(token))
        {
            return (null, "the bearer token is not a well-formed JWT (three base64url parts separated by dots)");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid)
        {
            return (null, Explain(result.Exception, token));
        }

        var (principal, problem) = ReadClaims(result.ClaimsIdentity);
        if (principal is not null)
        {
            Remember(token, principal, result.SecurityToken.ValidTo);
        }

        return (principal, problem);
    }

    private void Remember(string token, Principal principal, DateTime expiresUtc)
    {
        if (_accepted.Count >= MaxRemembered)
        {
            _accepted.Clear();
        }

        _accepted[token] = new Accepted(principal, expiresUtc);
    }

    private (Principal?, string?) ReadClaims(ClaimsIdentity identity)
    {
        var subject = identity.FindFirst(TokenClaims.Subject)?.Value;
        var roleName = identity.FindFirst(TokenClaims.Role)?.Value;
        var jurisdiction = identity.FindFirst(TokenClaims.Jurisdiction)?.Value;
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > TokenClaims.MaxSubjectLength || subject != subject.Trim()
            || subject.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            return (null, $"the token's '{TokenClaims.Subject}' claim must name the caller: 1 to {TokenClaims.MaxSubjectLength} printable characters, e.g. official:ID-33.10");
        }

        if (!RoleNames.TryParse(roleName, out var role))
        {
            return (null, $"the token's '{TokenClaims.Role}' claim must be one of {string.Join(", ", RoleNames.TokenRoles)}");
        }

        if (role == Role.Admin)
        {
            return (new Principal(subject, role, null), null);
        }

        var isMinistry = jurisdiction is not null && Jurisdictions.IsMinistry(jurisdiction);
        var isRegion = jurisdiction is not null && RegionId.TryParse(jurisdiction, out var region, out _) && _catalog.Contains(region);
        var fits = role switch
        {
            Role.RegionOfficial => isRegion,
            Role.Ministry => isMinistry,
            _ => isRegion || isMinistry,
        };
        if (!fits)
        {
            var expected = role switch
            {
                Role.RegionOfficial => "a region id from the catalogue, e.g. ID-33.10",
                Role.Ministry => "a ministry scope, e.g. MINISTRY-ID",
                _ => "a region id from the catalogue (ID-33) or a ministry scope (MINISTRY-ID)",
            };
            return (null, $"the token's '{TokenClaims.Jurisdiction}' claim must be {expected} for the role {roleName}");
        }

        return (new Principal(subject, role, jurisdiction), null);
    }

    private string Explain(Exception? exception, string token) => exception switch
    {
        SecurityTokenExpiredException expired =>
            $"the token expired at {expired.Expires.ToString("u", CultureInfo.InvariantCulture)}; get a new one",
        SecurityTokenNotYetValidException early =>
            $"the token is not valid before {early.NotBefore.ToString("u", CultureInfo.InvariantCulture)}",
        SecurityTokenNoExpirationException =>
            "the token has no expiry (exp); tokens must expire",
        SecurityTokenInvalidAudienceException =>
            $"the token is not meant for this API: its audience (aud) must be {Audience}",
        SecurityTokenInvalidIssuerException =>
            $"the token's issuer (iss) is not the one this server accepts ({Issuer})",
        SecurityTokenSignatureKeyNotFoundException =>
            $"the token's key id ({KeyIdOf(token)}) names no key this server accepts",
        SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException =>
            $"the token's signature does not verify with the key it names ({KeyIdOf(token)})",
        _ => "the bearer token is not valid",
    };

    // The kid is echoed to help with key rotation; anything odd in it is not.
    private string KeyIdOf(string token)
    {
        var kid = _handler.ReadJsonWebToken(token).Kid;
        return string.IsNullOrEmpty(kid) ? "none" : kid.Length <= 64 && kid.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? kid : "not printable";
    }

    private sealed record Accepted(Principal Principal, DateTime ExpiresUtc);
}
