using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Regions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Api.Tests.Identity;

/// <summary>The validator's rules for tokens a trusted key signed but that say something ambiguous, and its memory of accepted tokens.</summary>
public sealed class TokenEdgeCaseTests : IDisposable
{
    private const string Issuer = "collab-test";
    private const string Audience = "collab-api";

    private readonly DevelopmentSigningKey _key = DevelopmentSigningKey.Create();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public void Dispose() => _key.Dispose();

    [Theory]
    [InlineData("role", ErrorReasons.TokenClaimRepeated)]
    [InlineData("jurisdiction", ErrorReasons.TokenClaimRepeated)]
    [InlineData("sub", ErrorReasons.TokenClaimRepeated)]
    public async Task Validate_ClaimGivenAsAList_IsRefused(string claim, string reason)
    {
        var claims = Claims();
        claims[claim] = new[] { (string)claims[claim]!, claim == "role" ? "admin" : "ID-34" };

        var check = await Validator().ValidateAsync(Sign(claims));

        Assert.Null(check.Principal);
        Assert.Equal(reason, check.Reason);
        Assert.Contains($"'{claim}'", check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ID-33\n")]
    [InlineData("ID-33 ")]
    [InlineData(" ID-33")]
    [InlineData("ID-33\r\n")]
    [InlineData("MINISTRY-ID\n")]
    public async Task Validate_JurisdictionNotInCanonicalForm_IsRefused(string jurisdiction)
    {
        var claims = Claims();
        claims["jurisdiction"] = jurisdiction;

        var check = await Validator().ValidateAsync(Sign(claims));

        Assert.Null(check.Principal);
        Assert.Equal(ErrorReasons.TokenJurisdictionInvalid, check.Reason);
    }

    [Theory]
    [InlineData("ID-33\n")]
    [InlineData("ID-33.10\n")]
    [InlineData("CN-350627\n")]
    public void RegionIdParse_TrailingNewline_IsNoRegionId(string text)
    {
        var parsed = RegionId.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("facilitator:\u202EID-33")]
    [InlineData("facilitator:\u200BID-33")]
    [InlineData("facilitator:\uFEFFID-33")]
    [InlineData("facilitator:\u0000ID-33")]
    [InlineData("facilitator:\u2028ID-33")]
    public async Task Validate_SubjectWithControlOrFormatCharacters_IsRefused(string subject)
    {
        var claims = Claims();
        claims["sub"] = subject;

        var check = await Validator().ValidateAsync(Sign(claims));

        Assert.Null(check.Principal);
        Assert.Equal(ErrorReasons.TokenSubjectInvalid, check.Reason);
    }

    [Fact]
    public async Task Validate_SubjectWithLettersOfAnyScript_IsAccepted()
    {
        var claims = Claims();
        claims["sub"] = "official:南京县-Łódź";

        var check = await Validator().ValidateAsync(Sign(claims));

        Assert.Equal("official:南京县-Łódź", check.Principal?.Subject);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("JWS", false)]
    [InlineData("", false)]
    [InlineData("JWT", true)]
    [InlineData("jwt", true)]
    [InlineData("at+jwt", true)]
    [InlineData("application/at+jwt", true)]
    public async Task Validate_TypHeader_OnlyJwtOrAccessTokenIsAccepted(string? type, bool accepted)
    {
        var check = await Validator().ValidateAsync(Sign(Claims(), type));

        Assert.Equal(accepted, check.Principal is not null);
        Assert.Equal(accepted ? string.Empty : ErrorReasons.TokenTypeInvalid, check.Reason);
    }

    [Fact]
    public async Task Validate_NoIssueTime_IsRefused()
    {
        var claims = Claims();
        claims.Remove("iat");

        var check = await Validator().ValidateAsync(Sign(claims));

        Assert.Equal(ErrorReasons.TokenIssuedAtInvalid, check.Reason);
        Assert.Contains("iat", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_IssueTimeBeyondTheClockSkew_IsRefused()
    {
        var claims = Claims();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        claims["iat"] = now + 120;
        var skewed = Claims();
        skewed["iat"] = now + 20;

        var ahead = await Validator().ValidateAsync(Sign(claims));
        var withinSkew = await Validator().ValidateAsync(Sign(skewed));

        Assert.Equal(ErrorReasons.TokenIssuedAtInvalid, ahead.Reason);
        Assert.NotNull(withinSkew.Principal);
    }

    [Theory]
    [InlineData(24 * 60, null, true)]
    [InlineData(24 * 60 + 1, null, false)]
    [InlineData(61, 60, false)]
    [InlineData(60, 60, true)]
    public async Task Validate_Lifetime_IsCappedAtTheConfiguredMaximum(int lifetimeMinutes, int? maxMinutes, bool accepted)
    {
        var claims = Claims(TimeSpan.FromMinutes(lifetimeMinutes));

        var check = await Validator(maxLifetime: maxMinutes is { } max ? TimeSpan.FromMinutes(max) : null).ValidateAsync(Sign(claims));

        Assert.Equal(accepted, check.Principal is not null);
        if (!accepted)
        {
            Assert.Equal(ErrorReasons.TokenLifetimeTooLong, check.Reason);
        }
    }

    [Fact]
    public async Task Validate_AcceptedToken_CarriesItsExpiry()
    {
        var claims = Claims(TimeSpan.FromMinutes(10));

        var check = await Validator().ValidateAsync(Sign(claims));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)claims["exp"]!), check.ExpiresAt);
    }

    [Fact]
    public async Task Validate_MoreTokensThanTheCacheHolds_ForgetsTheLeastRecentlyUsed()
    {
        var validator = Validator(cacheCapacity: 2);
        var a = Sign(Claims(subject: "a"));
        var b = Sign(Claims(subject: "b"));
        var c = Sign(Claims(subject: "c"));
        await validator.ValidateAsync(a);
        await validator.ValidateAsync(b);
        await validator.ValidateAsync(a);

        await validator.ValidateAsync(c);
        var checksBefore = validator.FullChecks;
        await validator.ValidateAsync(a);
        var afterA = validator.FullChecks;
        await validator.ValidateAsync(b);

        Assert.Equal(2, validator.RememberedCount);
        Assert.Equal(checksBefore, afterA);
        Assert.Equal(afterA + 1, validator.FullChecks);
    }

    [Fact]
    public async Task Validate_RememberedToken_IsCheckedInFullAgainAfterFiveMinutes()
    {
        var validator = Validator();
        var token = Sign(Claims(TimeSpan.FromHours(1)));
        await validator.ValidateAsync(token);

        _time.Advance(TimeSpan.FromMinutes(4));
        await validator.ValidateAsync(token);
        var within = validator.FullChecks;
        _time.Advance(TimeSpan.FromMinutes(2));
        var again = await validator.ValidateAsync(token);

        Assert.Equal(1, within);
        Assert.Equal(2, validator.FullChecks);
        Assert.NotNull(again.Principal);
    }

    [Fact]
    public async Task Validate_RememberedToken_IsNotTakenOnTrustPastItsExpiry()
    {
        var validator = Validator();
        var token = Sign(Claims(TimeSpan.FromMinutes(2)));
        await validator.ValidateAsync(token);

        _time.Advance(TimeSpan.FromMinutes(3));
        await validator.ValidateAsync(token);

        Assert.Equal(2, validator.FullChecks);
    }

    [Fact]
    public async Task Validate_CacheOff_ChecksEveryTimeAndRemembersNothing()
    {
        var validator = Validator(cacheCapacity: 0);
        var token = Sign(Claims());

        await validator.ValidateAsync(token);
        await validator.ValidateAsync(token);

        Assert.Equal(2, validator.FullChecks);
        Assert.Equal(0, validator.RememberedCount);
    }

    private TokenValidator Validator(TimeSpan? maxLifetime = null, int cacheCapacity = TokenValidator.DefaultCacheCapacity) =>
        new(Issuer, Audience, TimeSpan.FromSeconds(30), [_key.VerificationKey], RegionCatalog.Default, maxLifetime, cacheCapacity, _time);

    private static Dictionary<string, object?> Claims(TimeSpan? lifetime = null, string subject = "facilitator:ID-33")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = subject,
            ["role"] = RoleNames.Of(Role.Facilitator),
            ["jurisdiction"] = "ID-33",
            ["iat"] = now,
            ["exp"] = now + (long)(lifetime ?? TimeSpan.FromMinutes(10)).TotalSeconds,
        };
    }

    private string Sign(Dictionary<string, object?> claims, string? type = "JWT")
    {
        var header = new Dictionary<string, object?>(StringComparer.Ordinal) { ["alg"] = "ES256", ["kid"] = _key.KeyId };
        if (type is not null)
        {
            header["typ"] = type;
        }

        var signing = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var ecdsa = ((ECDsaSecurityKey)_key.SigningCredentials.Key).ECDsa;
        return signing + "." + Base64UrlEncoder.Encode(ecdsa.SignData(Encoding.ASCII.GetBytes(signing), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
