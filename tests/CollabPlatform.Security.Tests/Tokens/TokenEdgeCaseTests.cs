using CollabPlatform.Contracts.V1;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Security.Tests.Tokens;

/// <summary>
/// Tokens that are signed by a trusted key but say something ambiguous or unusual: each is refused
/// over gRPC with UNAUTHENTICATED, a stable ErrorInfo reason and a message naming what is wrong.
/// </summary>
public sealed class TokenEdgeCaseTests(TokenHostFixture host) : IClassFixture<TokenHostFixture>
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("two roles", "TOKEN_CLAIM_REPEATED", "'role'")]
    [InlineData("two jurisdictions", "TOKEN_CLAIM_REPEATED", "'jurisdiction'")]
    [InlineData("jurisdiction with a trailing newline", "TOKEN_JURISDICTION_INVALID", "'jurisdiction'")]
    [InlineData("jurisdiction with a trailing space", "TOKEN_JURISDICTION_INVALID", "'jurisdiction'")]
    [InlineData("subject with a right-to-left override", "TOKEN_SUBJECT_INVALID", "'sub'")]
    [InlineData("subject with a zero-width space", "TOKEN_SUBJECT_INVALID", "'sub'")]
    [InlineData("subject with a bell", "TOKEN_SUBJECT_INVALID", "'sub'")]
    [InlineData("typ JWS", "TOKEN_TYPE_INVALID", "typ")]
    [InlineData("no typ", "TOKEN_TYPE_INVALID", "typ")]
    [InlineData("no iat", "TOKEN_ISSUED_AT_INVALID", "iat")]
    [InlineData("iat an hour ahead", "TOKEN_ISSUED_AT_INVALID", "iat")]
    [InlineData("lifetime of two days", "TOKEN_LIFETIME_TOO_LONG", "longer than the 24 h")]
    public async Task Call_WithAnEdgeCaseToken_IsUnauthenticatedWithItsReason(string @case, string reason, string named)
    {
        var token = Craft(@case);

        var refused = await Assert.ThrowsAsync<RpcException>(() => CallAsync(token));

        Assert.True(refused.StatusCode == StatusCode.Unauthenticated, $"{@case}: expected UNAUTHENTICATED, got {refused.StatusCode}: {refused.Status.Detail}");
        var info = refused.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.True(info is not null, $"{@case}: no ErrorInfo ({refused.Status.Detail})");
        Assert.True(info!.Reason == reason, $"{@case}: reason {info.Reason}, expected {reason} ({refused.Status.Detail})");
        Assert.Contains(named, refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(token, refused.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("at+jwt")]
    [InlineData("application/at+jwt")]
    [InlineData("jwt")]
    public async Task Call_WithAnAcceptedType_Succeeds(string type)
    {
        var token = CraftedTokens.Sign(CraftedTokens.Claims(), CraftedTokens.Header(type));

        var summary = await CallAsync(token);

        Assert.Equal("ID-33", summary.Scope);
    }

    [Fact]
    public async Task Call_WithALifetimeOfExactlyTheMaximum_Succeeds()
    {
        var token = CraftedTokens.Sign(CraftedTokens.Claims(lifetime: TimeSpan.FromHours(24)));

        var summary = await CallAsync(token);

        Assert.Equal("ID-33", summary.Scope);
    }

    private async Task<GetDashboardSummaryResponse> CallAsync(string token) =>
        await host.Facilitation.GetDashboardSummaryAsync(
            new GetDashboardSummaryRequest { Scope = "ID-33" },
            CraftedTokens.Bearer(token),
            DateTime.UtcNow + CallDeadline);

    private static string Craft(string @case)
    {
        var claims = CraftedTokens.Claims();
        var header = CraftedTokens.Header();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (@case)
        {
            case "two roles":
                claims["role"] = new[] { "facilitator", "admin" };
                break;
            case "two jurisdictions":
                claims["jurisdiction"] = new[] { "ID-33", "ID-34" };
                break;
            case "jurisdiction with a trailing newline":
                claims["jurisdiction"] = "ID-33\n";
                break;
            case "jurisdiction with a trailing space":
                claims["jurisdiction"] = "ID-33 ";
                break;
            case "subject with a right-to-left override":
                claims["sub"] = "facilitator:\u202EID-33";
                break;
            case "subject with a zero-width space":
                claims["sub"] = "facilitator:\u200BID-33";
                break;
            case "subject with a bell":
                claims["sub"] = "facilitator:\u0007ID-33";
                break;
            case "typ JWS":
                header = CraftedTokens.Header("JWS");
                break;
            case "no typ":
                header = CraftedTokens.Header(type: null);
                break;
            case "no iat":
                claims.Remove("iat");
                break;
            case "iat an hour ahead":
                claims["iat"] = now + 3600;
                claims["exp"] = now + 7200;
                break;
            case "lifetime of two days":
                claims["exp"] = now + (long)TimeSpan.FromDays(2).TotalSeconds;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, "no such case");
        }

        return CraftedTokens.Sign(claims, header);
    }
}
