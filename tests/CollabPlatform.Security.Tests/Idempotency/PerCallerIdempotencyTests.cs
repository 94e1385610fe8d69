using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Security.Tests.Tokens;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Security.Tests.Idempotency;

/// <summary>
/// A request id belongs to the caller who sent it: another party to the same partnership or region
/// who sends the same id neither gets the first caller's result nor burns the id, while the first
/// caller's retry still gets its first answer.
/// </summary>
public sealed class PerCallerIdempotencyTests(IdempotencyHostFixture host) : IClassFixture<IdempotencyHostFixture>
{
    private const string Klaten = "ID-33.10";
    private const string NanjingCounty = "CN-350627";

    private static readonly Principal KlatenOfficial = new("official:ID-33.10", Role.RegionOfficial, Klaten);
    private static readonly Principal NanjingOfficial = new("official:CN-350627", Role.RegionOfficial, NanjingCounty);
    private static readonly Principal SecondKlatenOfficial = new("official2:ID-33.10", Role.RegionOfficial, Klaten);

    [Fact]
    public async Task SameRequestIdFromAnotherParty_IsItsOwnChange_AndTheFirstCallersRetryStillReplays()
    {
        var partnershipId = (await host.Partnerships.ProposePartnershipAsync(
            new ProposePartnershipRequest
            {
                RequestId = "per-caller/propose",
                Kind = PartnershipKind.FriendshipExchange,
                Title = "Klaten – Nanjing County exchange",
                LocalRegionId = Klaten,
                Counterpart = new Counterpart { ForeignRegionId = NanjingCounty },
                InitialStage = PartnershipStage.Exploration,
            },
            As(KlatenOfficial))).Partnership.Id;
        const string Shared = "per-caller/sectors";
        var first = (await Sectors(KlatenOfficial, partnershipId, Shared, Sector.Tourism)).Partnership;

        var counterpart = (await Sectors(NanjingOfficial, partnershipId, Shared, Sector.Agriculture)).Partnership;
        var sameContent = (await Sectors(SecondKlatenOfficial, partnershipId, Shared, Sector.Tourism)).Partnership;
        var retry = (await Sectors(KlatenOfficial, partnershipId, Shared, Sector.Tourism)).Partnership;

        Assert.Equal(first.Version + 1, counterpart.Version);
        Assert.Equal([Sector.Agriculture], counterpart.PrioritySectors);
        Assert.Equal(counterpart.Version + 1, sameContent.Version);
        Assert.Equal([Sector.Tourism], sameContent.PrioritySectors);
        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task SameRequestIdOnARegionProfileFromAnotherCaller_IsNotRefusedAsReused()
    {
        const string Shared = "per-caller/profile";
        var admin = new Principal("admin:ops", Role.Admin, null);
        var first = (await Profile(KlatenOfficial, Shared, "batik")).Region;

        var other = (await Profile(admin, Shared, "rice fields")).Region;
        var retry = (await Profile(KlatenOfficial, Shared, "batik")).Region;

        Assert.Equal(first.Version + 1, other.Version);
        Assert.Equal(["rice fields"], other.Profile.Strengths);
        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(["batik"], retry.Profile.Strengths);
    }

    [Fact]
    public async Task RegionProfile_RetryAfterManyLaterChanges_StillGetsItsFirstAnswer()
    {
        // Sleman (ID-34.04): only this test changes its profile.
        const string Region = "ID-34.04";
        var official = new Principal("official:ID-34.04", Role.RegionOfficial, Region);
        var first = (await HeadChange(official, Region, 0)).Region;
        for (var i = 1; i <= 300; i++)
        {
            await HeadChange(official, Region, i);
        }

        var retry = (await HeadChange(official, Region, 0)).Region;

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal("Head 0", retry.Profile.CurrentHead.Name);
    }

    [Fact]
    public async Task SameRequestIdAndOtherContentFromTheSameCaller_IsStillRefusedAsReused()
    {
        const string Shared = "per-caller/profile-reused";
        var region = "ID-33.11";
        var official = new Principal("official:ID-33.11", Role.RegionOfficial, region);
        await host.Regions.UpdateRegionProfileAsync(ProfileRequest(Shared, region, "weaving"), As(official));

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await host.Regions.UpdateRegionProfileAsync(ProfileRequest(Shared, region, "pottery"), As(official)));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("REQUEST_ID_REUSED", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    private static Metadata As(Principal principal) => CraftedTokens.Bearer(TestSigningKey.Token(principal));

    private async Task<UpdatePrioritySectorsResponse> Sectors(Principal who, string partnershipId, string requestId, Sector sector) =>
        await host.Partnerships.UpdatePrioritySectorsAsync(
            new UpdatePrioritySectorsRequest { RequestId = requestId, PartnershipId = partnershipId, PrioritySectors = { sector } },
            As(who),
            DateTime.UtcNow.AddSeconds(30));

    private async Task<UpdateRegionProfileResponse> Profile(Principal who, string requestId, string strength) =>
        await host.Regions.UpdateRegionProfileAsync(ProfileRequest(requestId, Klaten, strength), As(who), DateTime.UtcNow.AddSeconds(30));

    private static UpdateRegionProfileRequest ProfileRequest(string requestId, string region, string strength) => new()
    {
        RequestId = requestId,
        RegionId = region,
        Profile = new RegionProfile { Strengths = { strength } },
        UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "strengths" } },
    };

    private async Task<RecordHeadChangeResponse> HeadChange(Principal who, string region, int index) =>
        await host.Regions.RecordHeadChangeAsync(
            new RecordHeadChangeRequest
            {
                RequestId = $"per-caller/head-{index}",
                RegionId = region,
                NewHead = new RegionHead
                {
                    Name = $"Head {index}",
                    Title = "Bupati",
                    TermStart = new Google.Type.Date { Year = 2000 + (index / 12), Month = (index % 12) + 1, Day = 1 },
                },
            },
            As(who),
            DateTime.UtcNow.AddSeconds(30));
}
