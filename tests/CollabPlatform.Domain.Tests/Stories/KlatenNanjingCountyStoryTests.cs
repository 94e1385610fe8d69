using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Tests.Partnerships;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Stories;

/// <summary>
/// Story 1 of docs/walkthrough.md: Klaten and Nanjing County (Fujian) sign minutes of meeting in Semarang
/// on 2025-06-24, witnessed by both governors, then meet online on 2025-07-22.
/// </summary>
public sealed class KlatenNanjingCountyStoryTests
{
    private static readonly DateTimeOffset SigningDay = new(2025, 6, 24, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OnlineMeetingDay = new(2025, 7, 22, 7, 0, 0, TimeSpan.Zero);

    private static ProposePartnership Proposal => new()
    {
        PartnershipId = "partnership:klaten-nanjing-county",
        Kind = PartnershipKind.FriendshipExchange,
        Title = "Klaten – Nanjing County (Fujian) sister-city exchange",
        LocalRegion = TestData.Klaten,
        Counterpart = Counterpart.OfRegion(TestData.NanjingCounty),
        InitialStage = PartnershipStage.Exploration,
        Note = "facilitated by Jawa Tengah through its sister-province tie with Fujian (since 2003)",
    };

    private static AttachDocument MinutesOfMeeting => new()
    {
        DocumentId = "mom-2025-06-24",
        Kind = DocumentKind.MinutesOfMeeting,
        Date = TestData.Date(2025, 6, 24),
        Place = "Semarang",
        Title = "Minutes of Meeting on sister-city cooperation between Kabupaten Klaten and Nanjing County",
        Signatories =
        [
            new Person("Bupati of Klaten", "Bupati Klaten", "Pemerintah Kabupaten Klaten", PartySide.Local),
            new Person("Representative of Zhangzhou", "Vice Mayor of Zhangzhou", "Zhangzhou Municipal People's Government, for Nanjing County", PartySide.Foreign),
        ],
        Witnesses =
        [
            new Person("Governor of Jawa Tengah", "Gubernur Jawa Tengah", "Pemerintah Provinsi Jawa Tengah", PartySide.Local),
            new Person("Governor of Fujian", "Governor of Fujian Province", "Fujian Provincial People's Government", PartySide.Foreign),
        ],
    };

    private static RecordMeeting OnlineMeeting => new()
    {
        MeetingId = "meeting-2025-07-22",
        Date = TestData.Date(2025, 7, 22),
        Mode = MeetingMode.Virtual,
        Participants =
        [
            TestData.Local("Bupati of Klaten", "Bupati Klaten"),
            TestData.Local("Regional agencies of Klaten (OPD)"),
            TestData.Local("Klaten chamber of commerce (KADIN)"),
            TestData.Foreign("County head of Nanjing", "County Head"),
            TestData.Foreign("Deputy county head of Nanjing", "Deputy County Head"),
        ],
        Summary = "each side presented its strengths",
        Outcome = "priority sectors: tourism, MSMEs (UMKM) and agriculture",
        NextSteps =
        [
            new NextStep("internal stakeholder discussion"),
            new NextStep("letter of intent"),
            new NextStep("MoU and formal inauguration"),
        ],
    };

    private static PartnershipBuilder Story()
    {
        var builder = new PartnershipBuilder(Proposal, SigningDay)
            .Execute(MinutesOfMeeting)
            .Execute(new AddFacilitator("ID-33", "provincial facilitator (Jawa Tengah)"))
            .Execute(new AddFacilitator("CN-350000", "provincial facilitator (Fujian)"));
        return builder.At(OnlineMeetingDay)
            .Execute(OnlineMeeting)
            .Execute(new UpdatePrioritySectors([Sector.Tourism, Sector.Msme, Sector.Agriculture]));
    }

    [Fact]
    public void Story_MinutesAndOnlineMeeting_LeaveAnExplorationWithThreeSectors()
    {
        var partnership = Story().Build();

        Assert.Equal(PartnershipStage.Exploration, partnership.Stage);
        Assert.Equal([Sector.Tourism, Sector.Msme, Sector.Agriculture], partnership.PrioritySectors);
        var minutes = Assert.Single(partnership.Documents);
        Assert.Equal("Semarang", minutes.Place);
        Assert.Equal(TestData.Date(2025, 6, 24), minutes.Date);
        Assert.Equal(["Governor of Jawa Tengah", "Governor of Fujian"], minutes.Witnesses.Select(w => w.Name));
        var meeting = Assert.Single(partnership.Meetings);
        Assert.Equal(MeetingMode.Virtual, meeting.Mode);
        Assert.Equal(["internal stakeholder discussion", "letter of intent", "MoU and formal inauguration"], meeting.NextSteps.Select(s => s.Description));
        Assert.Equal(["ID-33", "CN-350000"], partnership.Facilitators.Select(f => f.Jurisdiction));
        Assert.Null(partnership.NextDeadline);
    }

    [Fact]
    public void Story_CountyCounterpart_IsAcceptedAsAFriendshipExchangeAndAsASisterCity()
    {
        var friendship = Partnership.Propose(Proposal, TestData.Catalog, TestData.Ctx(SigningDay));
        var sisterCity = Partnership.Propose(Proposal with { Kind = PartnershipKind.SisterCity }, TestData.Catalog, TestData.Ctx(SigningDay));

        friendship.AssertAccepted();
        sisterCity.AssertAccepted();
    }

    [Fact]
    public void Story_LetterOfIntentStage_NeedsTheLetterTheMeetingPlanned()
    {
        var builder = Story();

        var decision = builder.Build().Decide(new AdvanceStage(PartnershipStage.LetterOfIntent), TestData.Catalog, builder.Ctx);

        decision.AssertRejected(RejectionKind.FailedPrecondition, "moving to LetterOfIntent needs the signed letter of intent");
    }

    [Fact]
    public void Story_MeetingOnTheDayBeforeItHappened_IsRejected()
    {
        var builder = new PartnershipBuilder(Proposal, SigningDay);

        var decision = builder.Build().Decide(OnlineMeeting, TestData.Catalog, TestData.Ctx(SigningDay));

        decision.AssertRejected(RejectionKind.InvalidArgument, "2025-07-22 is in the future");
    }

    [Fact]
    public void Story_KotaNanjing_IsAmbiguousAndIncludesTheCounty()
    {
        var result = TestData.Catalog.Search("Kota Nanjing");

        Assert.True(result.IsAmbiguous);
        Assert.Contains(result.Matches, m => m.Region.Id == TestData.NanjingCounty);
        Assert.Contains(result.Matches, m => m.Region.Id == TestData.NanjingCity);
    }

    [Fact]
    public void Story_JawaTengahSeesItAsAFacilitatorAndByJurisdiction()
    {
        var partnership = Story().Build();

        Assert.True(TestData.Catalog.IsWithin(partnership.LocalRegion, TestData.JawaTengah));
        Assert.True(TestData.Catalog.IsWithin(partnership.Counterpart.Region!.Value, TestData.Fujian));
        Assert.Contains(partnership.Facilitators, f => f.Jurisdiction == "ID-33");
    }

    [Fact]
    public void Story_RebuiltFromItsEvents_IsTheSame()
    {
        var builder = Story();

        var rebuilt = Partnership.FromHistory(builder.Events);

        PartnershipHistoryTests.AssertSameState(builder.Build(), rebuilt);
        Assert.IsType<PartnershipProposed>(builder.Events[0]);
    }
}
