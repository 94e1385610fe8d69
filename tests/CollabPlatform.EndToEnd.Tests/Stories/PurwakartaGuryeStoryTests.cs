using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Core;
using static CollabPlatform.Cli.Seed.PurwakartaGuryeStory;

namespace CollabPlatform.EndToEnd.Tests.Stories;

/// <summary>
/// Story 3 (DESIGN.md §2) against the real Host: Purwakarta and Gurye-gun. The 2025-03-20 visit under
/// Bupati Anne Ratna Mustika, the MoU planned for August 2025 that needs central-government approval
/// first, and the talks going on under Bupati Saepul Bahri Binzein.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class PurwakartaGuryeStoryTests(ApiHostFixture host)
{
    [Fact]
    public async Task Story_VisitUnderBupatiAnne_PlansTheMoUForAugust2025_AndTheTalksSurviveTheNewBupati()
    {
        var ids = RequestIds.Unique("purwakarta");
        var purwakarta = host.Client.As(Official);
        await purwakarta.Regions.UpdateRegionProfileAsync(Profile(ids));
        await purwakarta.Regions.RecordHeadChangeAsync(HeadChange(ids, 0));
        var id = (await purwakarta.Partnerships.ProposePartnershipAsync(Propose(ids))).Partnership.Id;
        await purwakarta.Partnerships.RecordMeetingAsync(Visit(ids, id));
        var before = (await purwakarta.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;

        var region = (await purwakarta.Regions.RecordHeadChangeAsync(HeadChange(ids, 1))).Region;
        var after = (await purwakarta.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;

        Assert.Equal(PartnershipKind.SisterCity, before.Kind);
        Assert.Equal(Gurye, before.Counterpart.ForeignRegionId);
        Assert.Equal(Sectors, before.PrioritySectors);
        var visit = Assert.Single(before.Meetings);
        StoryAssert.SameDate(2025, 3, 20, visit.Date, "visit");
        Assert.Equal(MeetingMode.InPerson, visit.Mode);
        Assert.Equal("Anne Ratna Mustika", visit.Participants[0].Name);
        Assert.Contains("MoU", visit.Outcome, StringComparison.Ordinal);
        Assert.Contains("central-government approval", visit.NextSteps[0].Description, StringComparison.Ordinal);
        Assert.Equal("sign the MoU", visit.NextSteps[1].Description);
        StoryAssert.SameDate(2025, 8, 1, visit.NextSteps[1].TargetDate, "planned MoU signing");

        Assert.Equal("Saepul Bahri Binzein", region.Profile.CurrentHead.Name);
        var previous = Assert.Single(region.Profile.HeadHistory);
        Assert.Equal("Anne Ratna Mustika", previous.Name);
        StoryAssert.SameDate(2025, 5, 31, previous.TermEnd, "end of Anne Ratna Mustika's term");
        Assert.Equal(["agriculture and plantations", "industry"], region.Profile.Strengths);
        Assert.Equal(Sectors, region.Profile.PrioritySectors);
        Assert.Equal(3, region.Version);

        Assert.Equal((before.Version, before.Stage, before.Meetings.Count), (after.Version, after.Stage, after.Meetings.Count));
        Assert.Equal(PartnershipStage.Exploration, after.Stage);
    }

    [Fact]
    public async Task AdvanceStage_ToSignedBeforeCentralApproval_FailsNamingTheStagesStillMissing()
    {
        var ids = RequestIds.Unique("purwakarta-sign");
        var purwakarta = host.Client.As(Official).Partnerships;
        var id = (await purwakarta.ProposePartnershipAsync(Propose(ids))).Partnership.Id;
        await purwakarta.RecordMeetingAsync(Visit(ids, id));

        var toSigned = await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            async () => await purwakarta.AdvanceStageAsync(new AdvanceStageRequest { RequestId = ids.For("sign"), PartnershipId = id, TargetStage = PartnershipStage.Signed, Note = "MoU signing, August 2025" }),
            $"advance {id} to SIGNED in August 2025 without central-government approval");
        // Moving into Drafting records the central-government approval, which is the ministry's act
        // alone; even the ministry cannot record it before the stages that come first.
        var officialDrafting = await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            async () => await purwakarta.AdvanceStageAsync(new AdvanceStageRequest { RequestId = ids.For("draft"), PartnershipId = id, TargetStage = PartnershipStage.Drafting }),
            $"the official advances {id} to DRAFTING");
        var toDrafting = await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            async () => await host.Client.As(new Principal("ministry:ID", Role.Ministry, "MINISTRY-ID")).Partnerships.AdvanceStageAsync(
                new AdvanceStageRequest { RequestId = ids.For("draft"), PartnershipId = id, TargetStage = PartnershipStage.Drafting }),
            $"the ministry advances {id} to DRAFTING without central-government approval");

        RpcAssert.HasErrorInfo(toSigned, "ILLEGAL_TRANSITION", "signing without approval");
        RpcAssert.HasErrorInfo(officialDrafting, "ROLE_NOT_ALLOWED", "an official recording central approval");
        RpcAssert.HasErrorInfo(toDrafting, "ILLEGAL_TRANSITION", "drafting without approval");
        Assert.Contains("CentralReview", toSigned.Status.Detail.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Drafting", toSigned.Status.Detail, StringComparison.OrdinalIgnoreCase);
        var stored = (await purwakarta.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;
        Assert.Equal((2L, PartnershipStage.Exploration), (stored.Version, stored.Stage));
    }

    [Fact]
    public async Task GetRegion_GuryeGun_IsACountyOfJeollanamdo()
    {
        var region = (await host.Client.Regions.GetRegionAsync(new GetRegionRequest { RegionId = Gurye })).Region;

        Assert.Equal("구례군", region.Name);
        Assert.Equal("Gurye-gun", region.NameEn);
        Assert.Equal("KR", region.Country);
        Assert.Equal(Jeollanamdo, Assert.Single(region.Ancestors).Id);
    }
}
