using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.RegionProfiles;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.RegionProfiles.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Stories;

/// <summary>
/// Story 3 of docs/walkthrough.md: Purwakarta (Jawa Barat) and Gurye-gun (Jeollanam-do). Visit on
/// 2025-03-20, both heads agree an MoU as the first step; central-government approval is required;
/// signing planned for August 2025. The talks continue across a change of Bupati. Term dates are
/// illustrative.
/// </summary>
public sealed class PurwakartaGuryeStoryTests
{
    private static readonly DateTimeOffset VisitDay = new(2025, 3, 20, 3, 0, 0, TimeSpan.Zero);

    private static PartnershipBuilder Story() => new PartnershipBuilder(
            new ProposePartnership
            {
                PartnershipId = "partnership:purwakarta-gurye",
                Kind = PartnershipKind.SisterCity,
                Title = "Purwakarta – Gurye-gun sister regency",
                LocalRegion = TestData.Purwakarta,
                Counterpart = Counterpart.OfRegion(TestData.Gurye),
                InitialStage = PartnershipStage.Exploration,
                PrioritySectors = [Sector.Agriculture, Sector.Plantation, Sector.Industry, Sector.Tourism],
            },
            VisitDay)
        .Execute(new RecordMeeting
        {
            MeetingId = "visit-2025-03-20",
            Date = TestData.Date(2025, 3, 20),
            Mode = MeetingMode.InPerson,
            Participants = [TestData.Local("Anne Ratna Mustika", "Bupati Purwakarta"), TestData.Foreign("Head of Gurye-gun", "Gunsu")],
            Outcome = "both heads agree to sign an MoU as the first step; interest in investment",
            NextSteps = [new NextStep("obtain central-government approval"), new NextStep("sign the MoU", TestData.Date(2025, 8, 1))],
        });

    [Fact]
    public void Story_Visit_IsRecordedWithTheFourSectorsAndThePlannedMoU()
    {
        var partnership = Story().Build();

        Assert.Equal(PartnershipKind.SisterCity, partnership.Kind);
        Assert.Equal([Sector.Agriculture, Sector.Plantation, Sector.Industry, Sector.Tourism], partnership.PrioritySectors);
        var visit = Assert.Single(partnership.Meetings);
        Assert.Equal(TestData.Date(2025, 8, 1), visit.NextSteps[1].TargetDate);
        Assert.True(TestData.Catalog.IsWithin(TestData.Gurye, TestData.Jeollanamdo));
        Assert.True(TestData.Catalog.IsWithin(TestData.Purwakarta, TestData.JawaBarat));
    }

    [Fact]
    public void Story_SigningInAugustWithoutCentralApproval_IsRefused()
    {
        var builder = Story().At(new DateTimeOffset(2025, 8, 1, 3, 0, 0, TimeSpan.Zero)).AdvancedTo(PartnershipStage.CentralReview);
        builder.WithDocument(DocumentKind.Agreement, new ValidityWindow(TestData.Date(2025, 8, 1), TestData.Date(2030, 7, 31)), TestData.Date(2025, 8, 1));

        var toDrafting = builder.Build().Decide(new AdvanceStage(PartnershipStage.Drafting), TestData.Catalog, builder.Ctx);
        var toSigned = builder.Build().Decide(new AdvanceStage(PartnershipStage.Signed), TestData.Catalog, builder.Ctx);

        toDrafting.AssertRejected(RejectionKind.FailedPrecondition, "central-government approval");
        toSigned.AssertRejected(RejectionKind.FailedPrecondition, "cannot move from CentralReview to Signed: Drafting comes first");
    }

    [Fact]
    public void Story_ChangeOfBupati_AppendsHistoryAndTheTalksContinue()
    {
        var builder = Story();
        var profile = new RegionProfile();
        var ctx = TestData.Ctx(new DateTimeOffset(2025, 6, 2, 3, 0, 0, TimeSpan.Zero));
        Apply(profile, profile.Decide(new UpdateRegionProfile { RegionId = TestData.Purwakarta, Strengths = ["agriculture and plantations", "industry"], PrioritySectors = [Sector.Agriculture, Sector.Industry] }, TestData.Catalog, ctx));
        Apply(profile, profile.Decide(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = new RegionHead("Anne Ratna Mustika", "Bupati Purwakarta", TestData.Date(2018, 9, 20)) }, TestData.Catalog, ctx));
        Apply(profile, profile.Decide(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = new RegionHead("Saepul Bahri Binzein", "Bupati Purwakarta", TestData.Date(2025, 6, 1)) }, TestData.Catalog, ctx));
        builder.At(ctx.Now).Execute(new RecordMeeting
        {
            MeetingId = "follow-up",
            Date = TestData.Date(2025, 6, 2),
            Mode = MeetingMode.Virtual,
            Participants = [TestData.Local("Saepul Bahri Binzein", "Bupati Purwakarta")],
            Summary = "the new Bupati continues the Gurye talks",
        });

        Assert.Equal("Saepul Bahri Binzein", profile.CurrentHead!.Name);
        var previous = Assert.Single(profile.HeadHistory);
        Assert.Equal("Anne Ratna Mustika", previous.Name);
        Assert.Equal(TestData.Date(2025, 5, 31), previous.TermEnd);
        Assert.Equal(["agriculture and plantations", "industry"], profile.Strengths);
        Assert.Equal(2, builder.Build().Meetings.Count);
        Assert.Equal(PartnershipStage.Exploration, builder.Build().Stage);
    }

    private static void Apply(RegionProfile profile, Decision<RegionProfileEvent> decision)
    {
        foreach (var e in decision.AssertAccepted())
        {
            profile.Apply(e);
        }
    }
}
