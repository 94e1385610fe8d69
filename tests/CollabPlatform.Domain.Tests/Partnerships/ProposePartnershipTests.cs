using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Partnerships;

public sealed class ProposePartnershipTests
{
    private static Decision<PartnershipEvent> Propose(ProposePartnership command) =>
        Partnership.Propose(command, TestData.Catalog, TestData.Ctx());

    private static ProposePartnership Valid => PartnershipBuilder.DefaultProposal();

    [Fact]
    public void Propose_ValidFriendshipExchange_RaisesProposedWithEveryField()
    {
        var command = Valid with { PrioritySectors = [Sector.Tourism, Sector.Msme], Note = "after the Semarang minutes" };

        var proposed = Propose(command).AssertSingle<PartnershipEvent, PartnershipProposed>();

        Assert.Equal("partnership:test", proposed.PartnershipId);
        Assert.Equal(PartnershipKind.FriendshipExchange, proposed.Kind);
        Assert.Equal(TestData.Klaten, proposed.LocalRegion);
        Assert.Equal(TestData.NanjingCounty, proposed.Counterpart.Region);
        Assert.Equal([Sector.Tourism, Sector.Msme], proposed.PrioritySectors);
        Assert.Equal(PartnershipStage.Initiative, proposed.Stage);
        Assert.Equal("after the Semarang minutes", proposed.Note);
        Assert.Equal(TestData.Now, proposed.OccurredAt);
        Assert.Equal("official@klatenkab.go.id", proposed.Actor);
    }

    [Fact]
    public void Propose_AtExploration_IsAccepted()
    {
        var proposed = Propose(Valid with { InitialStage = PartnershipStage.Exploration }).AssertSingle<PartnershipEvent, PartnershipProposed>();

        Assert.Equal(PartnershipStage.Exploration, proposed.Stage);
    }

    [Theory]
    [InlineData(PartnershipStage.LetterOfIntent)]
    [InlineData(PartnershipStage.Signed)]
    [InlineData(PartnershipStage.Implementation)]
    [InlineData(PartnershipStage.Expired)]
    [InlineData(PartnershipStage.Terminated)]
    public void Propose_PastExploration_IsRejected(PartnershipStage stage)
    {
        var rejection = Propose(Valid with { InitialStage = stage }).AssertRejected(RejectionKind.InvalidArgument, "Initiative or Exploration");

        Assert.Equal("initial_stage", rejection.Field);
    }

    [Fact]
    public void Propose_LocalRegionNotInCatalogue_IsRejected()
    {
        var rejection = Propose(Valid with { LocalRegion = RegionId.Parse("ID-99.99") }).AssertRejected(RejectionKind.InvalidArgument, "ID-99.99", "not in the official region catalogue");

        Assert.Equal("local_region", rejection.Field);
    }

    [Fact]
    public void Propose_ForeignLocalRegion_IsRejected()
    {
        var command = Valid with { LocalRegion = TestData.Zhangzhou, Counterpart = Counterpart.OfRegion(TestData.Gurye) };

        var rejection = Propose(command).AssertRejected(RejectionKind.InvalidArgument, "not in Indonesia");

        Assert.Equal("local_region", rejection.Field);
    }

    [Fact]
    public void Propose_IndonesianCounterpart_IsRejected()
    {
        var rejection = Propose(Valid with { Counterpart = Counterpart.OfRegion(TestData.Surakarta) }).AssertRejected(RejectionKind.InvalidArgument, "must be foreign");

        Assert.Equal("counterpart.region", rejection.Field);
    }

    [Fact]
    public void Propose_CounterpartRegionNotInCatalogue_IsRejected()
    {
        var rejection = Propose(Valid with { Counterpart = Counterpart.OfRegion(RegionId.Parse("CN-999999")) }).AssertRejected(RejectionKind.InvalidArgument, "CN-999999");

        Assert.Equal("counterpart.region", rejection.Field);
    }

    [Fact]
    public void Propose_CounterpartWithRegionAndInstitution_IsRejected()
    {
        var both = new Counterpart(TestData.Gurye, new Institution("Gurye Agricultural Technology Center", "KR"));

        Propose(Valid with { Counterpart = both }).AssertRejected(RejectionKind.InvalidArgument, "not both");
    }

    [Fact]
    public void Propose_EmptyCounterpart_IsRejected()
    {
        var rejection = Propose(Valid with { Counterpart = new Counterpart(null, null) }).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("counterpart", rejection.Field);
    }

    [Fact]
    public void Propose_SisterProvinceJawaTengahFujian_IsAccepted()
    {
        var command = Valid with { Kind = PartnershipKind.SisterProvince, LocalRegion = TestData.JawaTengah, Counterpart = Counterpart.OfRegion(TestData.Fujian) };

        Propose(command).AssertAccepted();
    }

    [Fact]
    public void Propose_SisterProvinceFromARegency_IsRejected()
    {
        var command = Valid with { Kind = PartnershipKind.SisterProvince, Counterpart = Counterpart.OfRegion(TestData.Fujian) };

        var rejection = Propose(command).AssertRejected(RejectionKind.InvalidArgument, "sister-province tie needs an Indonesian province", "PP 28/2018");

        Assert.Equal("local_region", rejection.Field);
    }

    [Fact]
    public void Propose_SisterProvinceWithAForeignCity_IsRejected()
    {
        var command = Valid with { Kind = PartnershipKind.SisterProvince, LocalRegion = TestData.JawaTengah, Counterpart = Counterpart.OfRegion(TestData.Zhangzhou) };

        var rejection = Propose(command).AssertRejected(RejectionKind.InvalidArgument, "foreign first-level unit");

        Assert.Equal("counterpart.region", rejection.Field);
    }

    [Theory]
    [InlineData("CN-350627")]
    [InlineData("CN-610100")]
    [InlineData("KR-36330")]
    public void Propose_SisterCityWithAMunicipality_IsAccepted(string foreign)
    {
        var command = Valid with { Kind = PartnershipKind.SisterCity, Counterpart = Counterpart.OfRegion(RegionId.Parse(foreign)) };

        Propose(command).AssertAccepted();
    }

    [Fact]
    public void Propose_SisterCityFromAProvince_IsRejected()
    {
        var command = Valid with { Kind = PartnershipKind.SisterCity, LocalRegion = TestData.JawaTengah };

        var rejection = Propose(command).AssertRejected(RejectionKind.InvalidArgument, "regency or city", "PP 28/2018");

        Assert.Equal("local_region", rejection.Field);
    }

    [Theory]
    [InlineData("CN-350000")]
    [InlineData("KR-36")]
    [InlineData("JP-01")]
    public void Propose_SisterCityWithAFirstLevelUnit_IsRejected(string foreign)
    {
        var command = Valid with { Kind = PartnershipKind.SisterCity, Counterpart = Counterpart.OfRegion(RegionId.Parse(foreign)) };

        var rejection = Propose(command).AssertRejected(RejectionKind.InvalidArgument, "foreign municipality");

        Assert.Equal("counterpart.region", rejection.Field);
    }

    [Theory]
    [InlineData(PartnershipKind.FriendshipExchange, "ID-33", "CN-350627")]
    [InlineData(PartnershipKind.FriendshipExchange, "ID-33.10", "CN-350000")]
    [InlineData(PartnershipKind.OtherKsdpl, "ID-33", "JP-01")]
    [InlineData(PartnershipKind.OtherKsdpl, "ID-16.03", "KR-36")]
    public void Propose_FriendshipOrOtherKsdplAtAnyLevels_IsAccepted(PartnershipKind kind, string local, string foreign)
    {
        var command = Valid with { Kind = kind, LocalRegion = RegionId.Parse(local), Counterpart = Counterpart.OfRegion(RegionId.Parse(foreign)) };

        Propose(command).AssertAccepted();
    }

    [Fact]
    public void Propose_InstitutionalWithARegion_IsRejected()
    {
        var command = Valid with { Kind = PartnershipKind.Institutional };

        Propose(command).AssertRejected(RejectionKind.InvalidArgument, "KSDLL", "foreign institution");
    }

    [Theory]
    [InlineData(PartnershipKind.SisterCity)]
    [InlineData(PartnershipKind.SisterProvince)]
    [InlineData(PartnershipKind.FriendshipExchange)]
    [InlineData(PartnershipKind.OtherKsdpl)]
    public void Propose_GovernmentKindWithAnInstitution_IsRejected(PartnershipKind kind)
    {
        var command = Valid with { Kind = kind, Counterpart = Counterpart.OfInstitution(new Institution("Kitakyushu Asian Center", "JP")) };

        Propose(command).AssertRejected(RejectionKind.InvalidArgument, "Institutional kind");
    }

    [Theory]
    [InlineData("", "JP", "counterpart.institution.name")]
    [InlineData("Some University", "", "counterpart.institution.country")]
    [InlineData("Some University", "jp", "counterpart.institution.country")]
    [InlineData("Some University", "JPN", "counterpart.institution.country")]
    [InlineData("Universitas Sriwijaya", "ID", "counterpart.institution.country")]
    public void Propose_InstitutionWithoutNameOrForeignCountry_IsRejected(string name, string country, string field)
    {
        var command = Valid with { Kind = PartnershipKind.Institutional, Counterpart = Counterpart.OfInstitution(new Institution(name, country)) };

        var rejection = Propose(command).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal(field, rejection.Field);
    }

    [Fact]
    public void Propose_InstitutionInARegionOfAnotherCountry_IsRejected()
    {
        var institution = new Institution("Some University", "JP", TestData.Gurye);
        var command = Valid with { Kind = PartnershipKind.Institutional, Counterpart = Counterpart.OfInstitution(institution) };

        var rejection = Propose(command).AssertRejected(RejectionKind.InvalidArgument, "not in its country JP");

        Assert.Equal("counterpart.institution.region", rejection.Field);
    }

    [Fact]
    public void Propose_InstitutionInAnUnknownRegion_IsRejected()
    {
        var institution = new Institution("Some University", "JP", RegionId.Parse("JP-99"));
        var command = Valid with { Kind = PartnershipKind.Institutional, Counterpart = Counterpart.OfInstitution(institution) };

        var rejection = Propose(command).AssertRejected(RejectionKind.InvalidArgument, "not in the official region catalogue");

        Assert.Equal("counterpart.institution.region", rejection.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Propose_WithoutTitle_IsRejected(string title)
    {
        var rejection = Propose(Valid with { Title = title }).AssertRejected(RejectionKind.InvalidArgument, "title is required");

        Assert.Equal("title", rejection.Field);
    }

    [Fact]
    public void Propose_TitleAtTheLimit_IsAcceptedAndOneMoreIsRejected()
    {
        var atLimit = new string('t', DomainLimits.MaxNameLength);

        Propose(Valid with { Title = atLimit }).AssertAccepted();
        var rejection = Propose(Valid with { Title = atLimit + "t" }).AssertRejected(RejectionKind.InvalidArgument, "at most 200");
        Assert.Equal("title", rejection.Field);
    }

    [Fact]
    public void Propose_RepeatedSector_IsRejected()
    {
        var rejection = Propose(Valid with { PrioritySectors = [Sector.Tourism, Sector.Msme, Sector.Tourism] }).AssertRejected(RejectionKind.InvalidArgument, "Tourism is named twice");

        Assert.Equal("priority_sectors", rejection.Field);
    }

    [Fact]
    public void Propose_UnknownSector_IsRejected()
    {
        Propose(Valid with { PrioritySectors = [(Sector)77] }).AssertRejected(RejectionKind.InvalidArgument, "77");
    }

    [Fact]
    public void Propose_MoreSectorsThanTheLimit_IsRejected()
    {
        var tooMany = ValueList.From(Enumerable.Range(0, DomainLimits.MaxListItems + 1).Select(i => (Sector)i));

        Propose(Valid with { PrioritySectors = tooMany }).AssertRejected(RejectionKind.InvalidArgument, "at most 50");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("line\nbreak")]
    public void Propose_BadPartnershipId_IsRejected(string id)
    {
        var rejection = Propose(Valid with { PartnershipId = id }).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("partnership_id", rejection.Field);
    }

    [Fact]
    public void Propose_UndefinedKind_IsRejected()
    {
        var rejection = Propose(Valid with { Kind = (PartnershipKind)42 }).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("kind", rejection.Field);
    }

    [Fact]
    public void Propose_NoteLongerThanTextLimit_IsRejected()
    {
        var rejection = Propose(Valid with { Note = new string('n', DomainLimits.MaxTextLength + 1) }).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("note", rejection.Field);
    }

    [Fact]
    public void Propose_WithoutActor_IsRejected()
    {
        var decision = Partnership.Propose(Valid, TestData.Catalog, TestData.Ctx(actor: " "));

        Assert.Equal("actor", decision.AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Decide_ProposeOnAnExistingPartnership_IsAlreadyExists()
    {
        var partnership = new PartnershipBuilder().Build();

        var decision = partnership.Decide(Valid, TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.AlreadyExists, "partnership:test already exists");
    }

    [Fact]
    public void Decide_ProposeOnANewAggregate_DecidesTheProposal()
    {
        var partnership = new Partnership();

        var decision = partnership.Decide(Valid, TestData.Catalog, TestData.Ctx());

        decision.AssertSingle<PartnershipEvent, PartnershipProposed>();
        Assert.False(partnership.Exists);
    }

    [Fact]
    public void Decide_AnyOtherCommandBeforeProposal_IsNotFound()
    {
        var partnership = new Partnership();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.Exploration), TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.NotFound, "propose it first");
    }

    [Fact]
    public void Decide_WithoutActor_IsRejected()
    {
        var partnership = new PartnershipBuilder().Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.Exploration), TestData.Catalog, TestData.Ctx(actor: ""));

        Assert.Equal("actor", decision.AssertRejected(RejectionKind.InvalidArgument).Field);
    }
}
