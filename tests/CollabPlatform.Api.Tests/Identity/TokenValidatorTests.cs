using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Regions;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Api.Tests.Identity;

public sealed class TokenValidatorTests : IDisposable
{
    private const string Issuer = "collab-test";
    private const string Audience = "collab-api";
    private static readonly Principal Klaten = new("official:ID-33.10", Role.RegionOfficial, "ID-33.10");

    private readonly DevelopmentSigningKey _current = DevelopmentSigningKey.Create();
    private readonly DevelopmentSigningKey _previous = DevelopmentSigningKey.Create();
    private readonly DevelopmentSigningKey _stranger = DevelopmentSigningKey.Create();
    private readonly TokenValidator _validator;

    public TokenValidatorTests()
    {
        _validator = new TokenValidator(Issuer, Audience, TimeSpan.FromSeconds(30), [_current.VerificationKey, _previous.VerificationKey], RegionCatalog.Default);
    }

    public void Dispose()
    {
        _current.Dispose();
        _previous.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public async Task Validate_TokensOfEitherRotatedKey_AreAcceptedWithTheirClaims()
    {
        var (fromCurrent, _) = await _validator.ValidateAsync(Mint(_current, Klaten));
        var (fromPrevious, _) = await _validator.ValidateAsync(Mint(_previous, Klaten));

        Assert.Equal(Klaten, fromCurrent);
        Assert.Equal(Klaten, fromPrevious);
    }

    [Fact]
    public async Task Validate_Expired_IsRefusedSayingWhen()
    {
        var token = Mint(_current, Klaten, now: DateTimeOffset.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1));

        var (principal, problem) = await _validator.ValidateAsync(token);

        Assert.Null(principal);
        Assert.StartsWith("the token expired at ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(token, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithinTheClockSkew_IsAccepted()
    {
        var token = Mint(_current, Klaten, now: DateTimeOffset.UtcNow.AddSeconds(-70), lifetime: TimeSpan.FromMinutes(1));

        var (principal, problem) = await _validator.ValidateAsync(token);

        Assert.Equal(Klaten, principal);
        Assert.Null(problem);
    }

    [Fact]
    public async Task Validate_SignedByAnotherKeyUnderAnAcceptedKid_IsRefused()
    {
        var forged = new SigningCredentials(new ECDsaSecurityKey(((ECDsaSecurityKey)_stranger.SigningCredentials.Key).ECDsa) { KeyId = _current.KeyId }, SecurityAlgorithms.EcdsaSha256);

        var (principal, problem) = await _validator.ValidateAsync(TokenIssuer.Issue(forged, Issuer, Audience, Klaten, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));

        Assert.Null(principal);
        Assert.Contains("signature does not verify", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownKey_IsRefusedNamingTheKid()
    {
        var (principal, problem) = await _validator.ValidateAsync(Mint(_stranger, Klaten));

        Assert.Null(principal);
        Assert.Contains(_stranger.KeyId, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("other-issuer", Audience, "issuer")]
    [InlineData(Issuer, "other-api", "audience")]
    public async Task Validate_WrongIssuerOrAudience_IsRefused(string issuer, string audience, string named)
    {
        var token = TokenIssuer.Issue(_current.SigningCredentials, issuer, audience, Klaten, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        var (principal, problem) = await _validator.ValidateAsync(token);

        Assert.Null(principal);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a jwt")]
    [InlineData("a.b.c")]
    [InlineData("")]
    public async Task Validate_Garbage_IsRefused(string token)
    {
        var (principal, problem) = await _validator.ValidateAsync(token);

        Assert.Null(principal);
        Assert.NotNull(problem);
    }

    [Fact]
    public async Task Validate_Unsigned_IsRefused()
    {
        var signed = Mint(_current, Klaten);
        var parts = signed.Split('.');
        var unsigned = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

        var (principal, _) = await _validator.ValidateAsync(unsigned);

        Assert.Null(principal);
    }

    [Theory]
    [InlineData(Role.RegionOfficial, "MINISTRY-ID")]
    [InlineData(Role.RegionOfficial, "ID-99.99")]
    [InlineData(Role.Ministry, "ID-33")]
    [InlineData(Role.Facilitator, null)]
    [InlineData(Role.Auditor, "nowhere")]
    public async Task Validate_JurisdictionThatDoesNotFitTheRole_IsRefused(Role role, string? jurisdiction)
    {
        var (principal, problem) = await _validator.ValidateAsync(Mint(_current, new Principal("someone", role, jurisdiction)));

        Assert.Null(principal);
        Assert.Contains("'jurisdiction' claim", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SystemRoleOrNoSubject_IsRefused()
    {
        var (system, systemProblem) = await _validator.ValidateAsync(Mint(_current, Principal.System("system:deadlines")));
        var (blank, blankProblem) = await _validator.ValidateAsync(Mint(_current, new Principal(" ", Role.Admin, null)));

        Assert.Null(system);
        Assert.Contains("'role' claim", systemProblem, StringComparison.Ordinal);
        Assert.Null(blank);
        Assert.Contains("'sub' claim", blankProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Admin_IsGlobalWhateverJurisdictionItNames()
    {
        var (principal, _) = await _validator.ValidateAsync(Mint(_current, new Principal("ops", Role.Admin, "ID-33")));

        Assert.Equal(new Principal("ops", Role.Admin, null), principal);
    }

    [Fact]
    public async Task Validate_AcceptedTokenSentAgain_IsRememberedAndGivesTheSamePrincipal()
    {
        var token = Mint(_current, Klaten);

        var (first, _) = await _validator.ValidateAsync(token);
        var (second, problem) = await _validator.ValidateAsync(token);

        Assert.Equal(Klaten, first);
        Assert.Equal(Klaten, second);
        Assert.Null(problem);
        Assert.Equal(1, _validator.RememberedCount);
    }

    [Fact]
    public async Task Validate_RefusedTokenSentAgain_IsRefusedAgainAndNotRemembered()
    {
        var forged = new SigningCredentials(new ECDsaSecurityKey(((ECDsaSecurityKey)_stranger.SigningCredentials.Key).ECDsa) { KeyId = _current.KeyId }, SecurityAlgorithms.EcdsaSha256);
        var token = TokenIssuer.Issue(forged, Issuer, Audience, Klaten, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        var expired = Mint(_current, Klaten, now: DateTimeOffset.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1));

        foreach (var refused in new[] { token, token, expired, expired })
        {
            var (principal, problem) = await _validator.ValidateAsync(refused);
            Assert.Null(principal);
            Assert.NotNull(problem);
        }

        Assert.Equal(0, _validator.RememberedCount);
    }

    [Fact]
    public async Task Validate_AlteredCopyOfARememberedToken_IsCheckedAndRefused()
    {
        var token = Mint(_current, Klaten);
        var altered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var (remembered, _) = await _validator.ValidateAsync(token);
        var (principal, problem) = await _validator.ValidateAsync(altered);

        Assert.Equal(Klaten, remembered);
        Assert.Null(principal);
        Assert.Contains("signature does not verify", problem, StringComparison.Ordinal);
        Assert.Equal(1, _validator.RememberedCount);
    }

    private static string Mint(DevelopmentSigningKey key, Principal principal, DateTimeOffset? now = null, TimeSpan? lifetime = null) =>
        TokenIssuer.Issue(key.SigningCredentials, Issuer, Audience, principal, now ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromMinutes(5));
}
