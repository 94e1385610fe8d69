using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Stories;

/// <summary>
/// Story 4 of docs/walkthrough.md: Muara Enim's 2018 pilot sister-city programme with Japan starts with MoUs
/// with Japanese institutions (KSDLL) before a municipal counterpart is chosen. The institution's
/// name is illustrative.
/// </summary>
public sealed class MuaraEnimStoryTests
{
    private static readonly DateTimeOffset In2018 = new(2018, 8, 1, 3, 0, 0, TimeSpan.Zero);

    private static readonly ValueList<Sector> Sectors =
        [Sector.UrbanManagement, Sector.Agriculture, Sector.Education, Sector.Technology, Sector.HumanResources];

    private static ProposePartnership WithInstitution => new()
    {
        PartnershipId = "partnership:muara-enim-japan-institution",
        Kind = PartnershipKind.Institutional,
        Title = "Muara Enim – Japanese partner institution (pilot sister-city programme)",
        LocalRegion = TestData.MuaraEnim,
        Counterpart = Counterpart.OfInstitution(new Institution("Japanese partner institution", "JP", Kind: "institution")),
        PrioritySectors = Sectors,
    };

    [Fact]
    public void Story_InstitutionCounterpart_IsAcceptedAsKsdll()
    {
        var decision = Partnership.Propose(WithInstitution, TestData.Catalog, TestData.Ctx(In2018));

        var proposed = decision.AssertSingle<PartnershipEvent, PartnershipProposed>();
        Assert.True(proposed.Counterpart.IsInstitution);
        Assert.Equal("JP", proposed.Counterpart.Institution!.Country);
        Assert.Equal(Sectors, proposed.PrioritySectors);
    }

    [Fact]
    public void Story_InstitutionAsASisterCity_IsRejected()
    {
        var decision = Partnership.Propose(WithInstitution with { Kind = PartnershipKind.SisterCity }, TestData.Catalog, TestData.Ctx(In2018));

        decision.AssertRejected(RejectionKind.InvalidArgument, "Institutional kind (KSDLL");
    }

    [Fact]
    public void Story_MoUWithTheInstitution_FollowsTheSameLegalGates()
    {
        var builder = new PartnershipBuilder(WithInstitution, In2018).AdvancedTo(PartnershipStage.CentralReview);

        var decision = builder.Build().Decide(new AdvanceStage(PartnershipStage.Drafting), TestData.Catalog, builder.Ctx);

        decision.AssertRejected(RejectionKind.FailedPrecondition, "central-government approval");
    }

    [Fact]
    public void Story_LaterMunicipalCounterpart_IsASeparateSisterCityPartnership()
    {
        var municipality = TestData.Catalog.ChildrenOf(TestData.Hokkaido)[0].Id;
        var sisterCity = WithInstitution with
        {
            PartnershipId = "partnership:muara-enim-japan-city",
            Kind = PartnershipKind.SisterCity,
            Title = "Muara Enim – Japanese municipality",
            Counterpart = Counterpart.OfRegion(municipality),
        };

        var institutional = new PartnershipBuilder(WithInstitution, In2018).Build();
        var city = new PartnershipBuilder(sisterCity, In2018).Build();

        Assert.Equal(PartnershipKind.Institutional, institutional.Kind);
        Assert.Equal(PartnershipKind.SisterCity, city.Kind);
        Assert.Equal(institutional.LocalRegion, city.LocalRegion);
    }
}
