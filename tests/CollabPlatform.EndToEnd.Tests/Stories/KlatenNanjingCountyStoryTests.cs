using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Core;
using static CollabPlatform.Cli.Seed.KlatenNanjingCountyStory;

namespace CollabPlatform.EndToEnd.Tests.Stories;

/// <summary>
/// Story 1 (DESIGN.md §2) against the real Host: Klaten and Nanjing County, minutes of meeting in
/// Semarang on 2025-06-24 and the virtual meeting of 2025-07-22; "Nanjing" is ambiguous.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class KlatenNanjingCountyStoryTests(ApiHostFixture host)
{
    [Fact]
    public async Task Story_MinutesInSemarangAndVirtualMeeting_RecordTheTieWithItsPeopleSectorsAndNextSteps()
    {
        var ids = RequestIds.Unique("klaten");
        var klaten = host.Client.As(Official).Partnerships;

        var proposed = (await klaten.ProposePartnershipAsync(Propose(ids))).Partnership;
        var id = proposed.Id;
        var minutes = await klaten.AttachDocumentAsync(MinutesOfMeeting(ids, id));
        await klaten.AddFacilitatorAsync(JawaTengahFacilitator(ids, id));
        await klaten.AddFacilitatorAsync(FujianFacilitator(ids, id));
        var meeting = await klaten.RecordMeetingAsync(VirtualMeeting(ids, id));
        await klaten.UpdatePrioritySectorsAsync(AgreedSectors(ids, id));
        var partnership = (await klaten.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;

        Assert.StartsWith("P-", id, StringComparison.Ordinal);
        Assert.Equal(1, proposed.Version);
        Assert.Equal(PartnershipStage.Exploration, proposed.Stage);
        Assert.Equal(PartnershipKind.FriendshipExchange, partnership.Kind);
        Assert.Equal(Klaten, partnership.LocalRegionId);
        Assert.Equal(NanjingCounty, partnership.Counterpart.ForeignRegionId);
        Assert.Equal(PartnershipStage.Exploration, partnership.Stage);
        Assert.Equal(6, partnership.Version);
        Assert.Equal(Sectors, partnership.PrioritySectors);
        Assert.Null(partnership.Validity);

        var document = Assert.Single(partnership.Documents);
        Assert.Equal(minutes.DocumentId, document.Id);
        Assert.Equal(DocumentKind.MinutesOfMeeting, document.Kind);
        StoryAssert.SameDate(2025, 6, 24, document.Date, "minutes of meeting");
        Assert.Equal("Semarang", document.Place);
        Assert.Equal(["Bupati of Klaten", "Representative of Zhangzhou"], document.Signatories.Select(p => p.Name));
        Assert.Equal([PartySide.Local, PartySide.Foreign], document.Signatories.Select(p => p.Side));
        Assert.Equal("Vice Mayor of Zhangzhou", document.Signatories[1].Title);
        Assert.Equal(["Ahmad Luthfi", "Governor of Fujian"], document.Witnesses.Select(p => p.Name));
        Assert.Equal("Gubernur Jawa Tengah", document.Witnesses[0].Title);

        var online = Assert.Single(partnership.Meetings);
        Assert.Equal(meeting.MeetingId, online.Id);
        Assert.Equal(MeetingMode.Virtual, online.Mode);
        StoryAssert.SameDate(2025, 7, 22, online.Date, "virtual meeting");
        Assert.Equal(5, online.Participants.Count);
        Assert.Contains(online.Participants, p => p.Name == "Klaten chamber of commerce (KADIN)" && p.Side == PartySide.Local);
        Assert.Contains(online.Participants, p => p.Title == "Deputy County Head" && p.Side == PartySide.Foreign);
        Assert.Equal(NextSteps, online.NextSteps.Select(s => s.Description));
        Assert.Contains("tourism, MSMEs (UMKM) and agriculture", online.Outcome, StringComparison.Ordinal);

        Assert.Equal([JawaTengah, Fujian], partnership.Facilitators.Select(f => f.JurisdictionId));
        Assert.Contains("sister-province", partnership.Facilitators[0].Role, StringComparison.Ordinal);
        Assert.Equal(
            [
                PartnershipEventType.Proposed, PartnershipEventType.DocumentAttached, PartnershipEventType.FacilitatorAdded,
                PartnershipEventType.FacilitatorAdded, PartnershipEventType.MeetingRecorded, PartnershipEventType.PrioritySectorsChanged,
            ],
            StoryAssert.EventTypes(partnership));
        StoryAssert.HistoryIsGapFree(partnership);
        Assert.All(partnership.History, h => Assert.Equal(Actor, h.Actor));
    }

    [Fact]
    public async Task AttachDocument_RetriedWithTheSameRequestId_ReturnsTheFirstResultAndChangesNothing()
    {
        var ids = RequestIds.Unique("klaten-retry");
        var klaten = host.Client.As(Official).Partnerships;
        var id = (await klaten.ProposePartnershipAsync(Propose(ids))).Partnership.Id;
        var first = await klaten.AttachDocumentAsync(MinutesOfMeeting(ids, id));

        var retry = await klaten.AttachDocumentAsync(MinutesOfMeeting(ids, id));
        var proposeRetry = await klaten.ProposePartnershipAsync(Propose(ids));

        Assert.Equal(first.DocumentId, retry.DocumentId);
        Assert.Equal(2, retry.Partnership.Version);
        Assert.Equal(id, proposeRetry.Partnership.Id);
        var stored = (await klaten.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;
        Assert.Equal(2, stored.Version);
        Assert.Single(stored.Documents);
    }

    [Fact]
    public async Task AdvanceStage_ToLetterOfIntentWithoutTheLetter_FailsWithTheRuleAndChangesNothing()
    {
        var ids = RequestIds.Unique("klaten-loi");
        var klaten = host.Client.As(Official).Partnerships;
        var id = (await klaten.ProposePartnershipAsync(Propose(ids))).Partnership.Id;
        await klaten.AttachDocumentAsync(MinutesOfMeeting(ids, id));

        var error = await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            async () => await klaten.AdvanceStageAsync(new AdvanceStageRequest { RequestId = ids.For("advance-loi"), PartnershipId = id, TargetStage = PartnershipStage.LetterOfIntent }),
            $"advance {id} to LETTER_OF_INTENT with only the minutes attached");

        RpcAssert.HasErrorInfo(error, "ILLEGAL_TRANSITION", "advance without a letter of intent");
        Assert.Contains("letter of intent", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(id, error.Status.Detail, StringComparison.Ordinal);
        var stored = (await klaten.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;
        Assert.Equal(PartnershipStage.Exploration, stored.Stage);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task AdvanceStage_JumpFromExplorationToSigned_FailsNamingBothStages()
    {
        var ids = RequestIds.Unique("klaten-jump");
        var klaten = host.Client.As(Official).Partnerships;
        var id = (await klaten.ProposePartnershipAsync(Propose(ids))).Partnership.Id;

        var error = await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            async () => await klaten.AdvanceStageAsync(new AdvanceStageRequest { RequestId = ids.For("jump"), PartnershipId = id, TargetStage = PartnershipStage.Signed }),
            $"advance {id} from EXPLORATION straight to SIGNED");

        RpcAssert.HasErrorInfo(error, "ILLEGAL_TRANSITION", "stage jump");
        Assert.Contains("Exploration", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Signed", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, (await klaten.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership.Version);
    }

    [Fact]
    public async Task AddFacilitator_JawaTengahTwice_IsAlreadyExists()
    {
        var ids = RequestIds.Unique("klaten-fac");
        var klaten = host.Client.As(Official).Partnerships;
        var id = (await klaten.ProposePartnershipAsync(Propose(ids))).Partnership.Id;
        await klaten.AddFacilitatorAsync(JawaTengahFacilitator(ids, id));
        var again = JawaTengahFacilitator(ids, id);
        again.RequestId = ids.For("facilitator-again");

        var error = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, async () => await klaten.AddFacilitatorAsync(again), $"add ID-33 to {id} a second time");

        RpcAssert.HasErrorInfo(error, "ALREADY_EXISTS", "second facilitator");
        Assert.Equal(2, (await klaten.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership.Version);
    }

    [Theory]
    [InlineData("Nanjing")]
    [InlineData("Kota Nanjing")]
    public async Task SearchRegions_Nanjing_ShowsTheCityAndTheCountyAsAmbiguous(string query)
    {
        var response = await host.Client.Regions.SearchRegionsAsync(new SearchRegionsRequest { Query = query });

        Assert.True(response.Ambiguous, $"'{query}' must be ambiguous; got {string.Join(", ", response.Matches.Select(m => m.Region.Id))}");
        var county = Assert.Single(response.Matches, m => m.Region.Id == NanjingCounty);
        var city = Assert.Single(response.Matches, m => m.Region.Id == NanjingCity);
        Assert.Equal("Nanjing County", county.Region.NameEn);
        Assert.Equal("南靖县", county.Region.Name);
        Assert.Equal([Fujian, Zhangzhou], county.Region.Ancestors.Select(a => a.Id));
        Assert.Contains("Fujian", county.DisplayName, StringComparison.Ordinal);
        Assert.Contains("Zhangzhou", county.DisplayName, StringComparison.Ordinal);
        Assert.Contains("Jiangsu", city.DisplayName, StringComparison.Ordinal);
        Assert.Equal(RegionMatchKind.Name, county.MatchKind);
    }

    [Fact]
    public async Task GetRegion_NanjingCounty_HasItsAncestorsUpToFujian()
    {
        var region = (await host.Client.Regions.GetRegionAsync(new GetRegionRequest { RegionId = NanjingCounty })).Region;

        Assert.Equal("CN", region.Country);
        Assert.Equal(3, region.Level);
        Assert.Equal(Zhangzhou, region.ParentId);
        Assert.Equal(["Fujian", "Zhangzhou City"], region.Ancestors.Select(a => a.NameEn));
    }

    [Fact]
    public async Task GetRegion_UnknownRegion_IsNotFound()
    {
        var error = await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            async () => await host.Client.Regions.GetRegionAsync(new GetRegionRequest { RegionId = "ID-33.99" }),
            "get region ID-33.99, which Jawa Tengah does not have");

        RpcAssert.HasErrorInfo(error, "REGION_NOT_FOUND", "unknown region");
        Assert.Contains("ID-33.99", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposePartnership_UnknownForeignRegion_IsNotFoundAndCreatesNothing()
    {
        var ids = RequestIds.Unique("klaten-unknown");
        var klaten = host.Client.As(Official).Partnerships;
        var before = await CountAsync(klaten, Klaten);
        var request = Propose(ids);
        request.Counterpart = new Counterpart { ForeignRegionId = "CN-359999" };

        var error = await RpcAssert.FailsAsync(StatusCode.NotFound, async () => await klaten.ProposePartnershipAsync(request), "propose with the unknown counterpart CN-359999");

        RpcAssert.HasErrorInfo(error, "REGION_NOT_FOUND", "unknown counterpart");
        Assert.Equal(before, await CountAsync(klaten, Klaten));
    }

    [Fact]
    public async Task ListPartnerships_ByFacilitatorAndByRegion_FindTheTieFromBothSides()
    {
        var ids = RequestIds.Unique("klaten-list");
        var klaten = host.Client.As(Official).Partnerships;
        var id = (await klaten.ProposePartnershipAsync(Propose(ids))).Partnership.Id;
        await klaten.AddFacilitatorAsync(JawaTengahFacilitator(ids, id));

        var underJawaTengah = await ListIdsAsync(klaten, new ListPartnershipsRequest { RegionId = JawaTengah });
        var underZhangzhou = await ListIdsAsync(klaten, new ListPartnershipsRequest { RegionId = Zhangzhou });
        var facilitatedByFujian = await ListIdsAsync(klaten, new ListPartnershipsRequest { FacilitatorId = Fujian });
        var underNanjingCity = await ListIdsAsync(klaten, new ListPartnershipsRequest { RegionId = NanjingCity });

        Assert.Contains(id, underJawaTengah);
        Assert.Contains(id, underZhangzhou);
        Assert.Contains(id, facilitatedByFujian);
        Assert.DoesNotContain(id, underNanjingCity);
    }

    private static async Task<int> CountAsync(PartnershipService.PartnershipServiceClient client, string regionId) =>
        (await ListIdsAsync(client, new ListPartnershipsRequest { RegionId = regionId })).Count;

    internal static async Task<List<string>> ListIdsAsync(PartnershipService.PartnershipServiceClient client, ListPartnershipsRequest request)
    {
        var ids = new List<string>();
        request.PageSize = 200;
        do
        {
            var page = await client.ListPartnershipsAsync(request);
            ids.AddRange(page.Partnerships.Select(p => p.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return ids;
    }
}
