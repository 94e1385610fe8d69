using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Core;
using static CollabPlatform.Cli.Seed.MuaraEnimJapanStory;

namespace CollabPlatform.EndToEnd.Tests.Stories;

/// <summary>
/// Story 4 (DESIGN.md §2) against the real Host: Muara Enim's 2018 pilot with Japan starts with a
/// Japanese institution as counterpart (KSDLL) before a municipality is chosen.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class MuaraEnimJapanStoryTests(ApiHostFixture host)
{
    [Fact]
    public async Task Story_JapaneseInstitutionBeforeAMunicipality_IsAnInstitutionalPartnership()
    {
        var ids = RequestIds.Unique("muara-enim");
        var muaraEnim = host.Client.As(Official).Partnerships;

        var id = (await muaraEnim.ProposePartnershipAsync(Propose(ids))).Partnership.Id;
        var partnership = (await muaraEnim.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;
        var institutional = await KlatenNanjingCountyStoryTests.ListIdsAsync(muaraEnim, new ListPartnershipsRequest { RegionId = SumateraSelatan, Kind = PartnershipKind.Institutional });
        var sisterCities = await KlatenNanjingCountyStoryTests.ListIdsAsync(muaraEnim, new ListPartnershipsRequest { RegionId = SumateraSelatan, Kind = PartnershipKind.SisterCity });

        Assert.Equal(PartnershipKind.Institutional, partnership.Kind);
        Assert.Equal(MuaraEnim, partnership.LocalRegionId);
        Assert.Equal(Counterpart.PartyOneofCase.Institution, partnership.Counterpart.PartyCase);
        Assert.Equal("Japanese partner institution", partnership.Counterpart.Institution.Name);
        Assert.Equal("JP", partnership.Counterpart.Institution.Country);
        Assert.Equal(Sectors, partnership.PrioritySectors);
        Assert.Equal(PartnershipStage.Exploration, partnership.Stage);
        Assert.Contains("municipal counterpart", Assert.Single(partnership.History).Note, StringComparison.Ordinal);
        Assert.Contains(id, institutional);
        Assert.DoesNotContain(id, sisterCities);
    }

    [Fact]
    public async Task ProposePartnership_InstitutionAsASisterCity_IsInvalidOnTheCounterpartAndCreatesNothing()
    {
        var ids = RequestIds.Unique("muara-enim-kind");
        var muaraEnim = host.Client.As(Official).Partnerships;
        var before = (await KlatenNanjingCountyStoryTests.ListIdsAsync(muaraEnim, new ListPartnershipsRequest { RegionId = MuaraEnim })).Count;
        var request = Propose(ids);
        request.Kind = PartnershipKind.SisterCity;

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () => await muaraEnim.ProposePartnershipAsync(request), "propose the Japanese institution as a sister city");

        RpcAssert.NamesField(RpcAssert.HasBadRequest(error, "institution as sister city"), "counterpart", "institution as sister city");
        Assert.Equal(before, (await KlatenNanjingCountyStoryTests.ListIdsAsync(muaraEnim, new ListPartnershipsRequest { RegionId = MuaraEnim })).Count);
    }

    [Fact]
    public async Task ProposePartnership_IndonesianInstitution_IsInvalidOnItsCountry()
    {
        var ids = RequestIds.Unique("muara-enim-id");
        var request = Propose(ids);
        request.Counterpart.Institution.Country = "ID";

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () => await host.Client.As(Official).Partnerships.ProposePartnershipAsync(request), "propose an Indonesian institution as KSDLL counterpart");

        RpcAssert.NamesField(RpcAssert.HasBadRequest(error, "Indonesian institution"), "counterpart.institution.country", "Indonesian institution");
    }
}
