using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CollabPlatform.Api.Errors;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.Regions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Checks a bearer token: <c>typ</c>, signature by the key its <c>kid</c> names, issuer, audience,
/// lifetime (with <c>iat</c> required and <c>exp − iat</c> capped), then the CollabPlatform claims,
/// each present once and in canonical form. A refusal is one sentence and a stable reason; the
/// token never appears in it. Accepted tokens are remembered for a few minutes (<see cref="AcceptedTokenCache"/>).
/// </summary>
public sealed class TokenValidator
{
    /// <summary>Longer tokens are refused unread.</summary>
    public const int MaxTokenLength = 8192;

    /// <summary>How many accepted tokens are remembered by default.</summary>
    public const int DefaultCacheCapacity = 10_000;

    /// <summary>The longest token lifetime (<c>exp − iat</c>) accepted by default.</summary>
    public static readonly TimeSpan DefaultMaxLifetime = TimeSpan.FromHours(24);

    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
    ];

    // RFC 7519 §5.1 and RFC 9068 §2.1; media types compare case-insensitively (RFC 7515 §4.1.9).
    private static readonly string[] Types = ["JWT", "at+jwt", "application/at+jwt"];

    private static readonly string[] ReadClaimNames = [TokenClaims.Subject, TokenClaims.Role, TokenClaims.Jurisdiction];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly TokenValidationParameters _parameters;
    private readonly RegionCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly TimeSpan _clockSkew;
    private readonly TimeSpan _maxLifetime;
    private readonly AcceptedTokenCache _accepted;
    private int _fullChecks;

    public TokenValidator(
        string issuer,
        string audience,
        TimeSpan clockSkew,
        IReadOnlyList<SecurityKey> keys,
        RegionCatalog catalog,
        TimeSpan? maxLifetime = null,
        int cacheCapacity = DefaultCacheCapacity,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(cacheCapacity);
        _catalog = catalog;
        _time = time ?? TimeProvider.System;
        _clockSkew = clockSkew;
        _maxLifetime = maxLifetime ?? DefaultMaxLifetime;
        _accepted = new AcceptedTokenCache(cacheCapacity, _time);
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

    /// <summary>How many tokens were checked in full (not answered from memory).</summary>
    internal int FullChecks => Volatile.Read(ref _fullChecks);

    /// <summary>The caller the token proves and its expiry, or the reason the token is refused.</summary>
    public async Task<TokenCheck> ValidateAsync(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxTokenLength)
        {
            return TokenCheck.Refused($"the bearer token is longer than {MaxTokenLength} characters");
        }

        if (_accepted.TryGet(token, out var known, out var knownExpiry))
        {
            return TokenCheck.Accepted(known, knownExpiry);
        }

        Interlocked.Increment(ref _fullChecks);
        if (!_handler.CanReadToken(token))
        {
            return TokenCheck.Refused("the bearer token is not a well-formed JWT (three base64url parts separated by dots)");
        }

        if (RepeatedClaim(token) is { } repeated)
        {
            return TokenCheck.Refused($"the token's '{repeated}' claim must be a single string, not a list", ErrorReasons.TokenClaimRepeated);
        }

        JsonWebToken read;
        try
        {
            read = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Refused("the bearer token is not a well-formed JWT (three base64url parts separated by dots)");
        }

        if (!Types.Contains(read.Typ, StringComparer.OrdinalIgnoreCase))
        {
            return TokenCheck.Refused(
                $"the token's typ header must be JWT or at+jwt, not {(string.IsNullOrEmpty(read.Typ) ? "missing" : Printable(read.Typ))}",
                ErrorReasons.TokenTypeInvalid);
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid)
        {
            return TokenCheck.Refused(Explain(result.Exception, read));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var expiresAt = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        var check = CheckIssuedAt(jwt, expiresAt) ?? ReadClaims(result.ClaimsIdentity, expiresAt);
        if (check.Principal is { } principal)
        {
            _accepted.Add(token, principal, expiresAt);
        }

        return check;
    }

    private TokenCheck? CheckIssuedAt(JsonWebToken jwt, DateTimeOffset expiresAt)
    {
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var seconds))
        {
            return TokenCheck.Refused("the token has no issue time (iat, seconds since 1970); tokens must say when they were issued", ErrorReasons.TokenIssuedAtInvalid);
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (issuedAt > _time.GetUtcNow() + _clockSkew)
        {
            return TokenCheck.Refused($"the token's issue time (iat) {issuedAt.ToString("u", CultureInfo.InvariantCulture)} lies in the future", ErrorReasons.TokenIssuedAtInvalid);
        }

        // A long-lived token is a stolen token's best friend; issuers must mint short ones.
        var lifetime = expiresAt - issuedAt;
        return lifetime > _maxLifetime
            ? TokenCheck.Refused(
                $"the token's lifetime (exp - iat) is {Hours(lifetime)}, longer than the {Hours(_maxLifetime)} this server accepts; get a shorter-lived token",
                ErrorReasons.TokenLifetimeTooLong)
            : null;
    }

    private TokenCheck ReadClaims(ClaimsIdentity identity, DateTimeOffset expiresAt)
    {
        var subject = identity.FindFirst(TokenClaims.Subject)?.Value;
        var roleName = identity.FindFirst(TokenClaims.Role)?.Value;
        var jurisdiction = identity.FindFirst(TokenClaims.Jurisdiction)?.Value;
        if (!TokenClaims.IsValidSubject(subject))
        {
            return TokenCheck.Refused(
                $"the token's '{TokenClaims.Subject}' claim must name the caller: 1 to {TokenClaims.MaxSubjectLength} printable characters without control or format characters, e.g. official:ID-33.10",
                ErrorReasons.TokenSubjectInvalid);
        }

        if (!RoleNames.TryParse(roleName, out var role))
        {
            return TokenCheck.Refused($"the token's '{TokenClaims.Role}' claim must be one of {string.Join(", ", RoleNames.TokenRoles)}", ErrorReasons.TokenRoleInvalid);
        }

        if (role == Role.Admin)
        {
            return TokenCheck.Accepted(new Principal(subject, role, null), expiresAt);
        }

        // Only the canonical spelling counts, so that every comparison of scopes later is ordinal.
        var isMinistry = jurisdiction is not null && Jurisdictions.IsMinistry(jurisdiction);
        var isRegion = jurisdiction is not null && RegionId.TryParse(jurisdiction, out var region, out _)
            && region.ToString() == jurisdiction && _catalog.Contains(region);
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
            return TokenCheck.Refused($"the token's '{TokenClaims.Jurisdiction}' claim must be {expected}, written exactly so, for the role {roleName}", ErrorReasons.TokenJurisdictionInvalid);
        }

        return TokenCheck.Accepted(new Principal(subject, role, jurisdiction), expiresAt);
    }

    // A claim given as a JSON array would arrive as several claims, and which one counted would be
    // anyone's guess; so the payload is looked at as JSON before anything reads its claims.
    private static string? RepeatedClaim(string token)
    {
        try
        {
            var payload = token.Split('.')[1];
            using var json = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(payload));
            return json.RootElement.ValueKind != JsonValueKind.Object
                ? null
                : ReadClaimNames.FirstOrDefault(name => json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            // Not JSON: the handler refuses it with its own words.
            return null;
        }
    }

    private string Explain(Exception? exception, JsonWebToken token) => exception switch
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
    private static string KeyIdOf(JsonWebToken token) => string.IsNullOrEmpty(token.Kid) ? "none" : Printable(token.Kid);

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) + " h";

    private static string Printable(string text) =>
        text.Length <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+' or '/') ? text : "not printable";
}
