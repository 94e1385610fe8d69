using CollabPlatform.Cli.Client;
using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Core;
using static CollabPlatform.Cli.Seed.SurakartaStory;

namespace CollabPlatform.EndToEnd.Tests.Stories;

/// <summary>
/// Story 2 (DESIGN.md §2) against the real Host: Surakarta's two partnerships with Xi'an and Zhuhai,
/// letters of intent of 2015 renewed in 2021, the 2021-10-21 workshop, each partnership's own
/// programmes, an academic review, and changes of mayor that leave the programmes as they were.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class SurakartaXianZhuhaiStoryTests(ApiHostFixture host)
{
    [Fact]
    public async Task Story_LettersOf2015RenewedIn2021_KeepBothDocumentsTheSupersedesLinkAndTheHistory()
    {
        var ids = RequestIds.Unique("solo-renew");
        var solo = host.Client.As(Official);

        var xianId = await SetUpTieAsync(solo, ids, XiAn);
        var zhuhaiId = await SetUpTieAsync(solo, ids, Zhuhai);
        var xian = await GetAsync(solo, xianId);
        var zhuhai = await GetAsync(solo, zhuhaiId);

        Assert.NotEqual(xianId, zhuhaiId);
        Assert.Equal(XiAn.CityId, xian.Counterpart.ForeignRegionId);
        Assert.Equal(Zhuhai.CityId, zhuhai.Counterpart.ForeignRegionId);
        Assert.All([xian, zhuhai], p =>
        {
            Assert.Equal(Surakarta, p.LocalRegionId);
            Assert.Equal(PartnershipKind.SisterCity, p.Kind);
            Assert.Equal(PartnershipStage.LetterOfIntent, p.Stage);
            Assert.Equal(WorkshopSectors, p.PrioritySectors);
            StoryAssert.SameDate(2021, 10, 21, Assert.Single(p.Meetings).Date, $"workshop of {p.Id}");
            StoryAssert.HistoryIsGapFree(p);
        });

        Assert.Equal(2, xian.Documents.Count);
        var (loi2015, loi2021) = (xian.Documents[0], xian.Documents[1]);
        Assert.Equal(DocumentKind.LetterOfIntent, loi2015.Kind);
        StoryAssert.SameDate(2015, 9, 25, loi2015.Date, "Xi'an letter of intent");
        Assert.Equal("Xi'an", loi2015.Place);
        Assert.Equal(DocumentKind.LetterOfIntent, loi2021.Kind);
        StoryAssert.SameDate(2021, 8, 2, loi2021.Date, "renewed Xi'an letter");
        Assert.Equal(loi2015.Id, loi2021.SupersedesDocumentId);
        Assert.Equal(string.Empty, loi2015.SupersedesDocumentId);
        StoryAssert.SameDate(2021, 8, 2, xian.Validity.EffectiveDate, "validity of the renewed letter");
        StoryAssert.SameDate(2031, 8, 1, xian.Validity.ExpiryDate, "validity of the renewed letter");
        Assert.Equal(
            [
                PartnershipEventType.Proposed, PartnershipEventType.DocumentAttached, PartnershipEventType.StageAdvanced,
                PartnershipEventType.Renewed, PartnershipEventType.MeetingRecorded, PartnershipEventType.PrioritySectorsChanged,
            ],
            StoryAssert.EventTypes(xian));
        var advanced = xian.History[2];
        Assert.Equal((PartnershipStage.Exploration, PartnershipStage.LetterOfIntent), (advanced.FromStage, advanced.ToStage));
        Assert.Contains("PP 28/2018", xian.History[3].Note, StringComparison.Ordinal);

        Assert.Equal("Zhuhai", zhuhai.Documents[0].Place);
        Assert.Equal(zhuhai.Documents[0].Id, zhuhai.Documents[1].SupersedesDocumentId);
        var underSurakarta = await KlatenNanjingCountyStoryTests.ListIdsAsync(solo.Partnerships, new ListPartnershipsRequest { RegionId = Surakarta });
        Assert.Contains(xianId, underSurakarta);
        Assert.Contains(zhuhaiId, underSurakarta);
        var underShaanxi = await KlatenNanjingCountyStoryTests.ListIdsAsync(solo.Partnerships, new ListPartnershipsRequest { RegionId = "CN-610000" });
        Assert.Contains(xianId, underShaanxi);
        Assert.DoesNotContain(zhuhaiId, underShaanxi);
    }

    [Fact]
    public async Task SearchRegions_Solo_FindsSurakartaAlone()
    {
        var response = await host.Client.Regions.SearchRegionsAsync(new SearchRegionsRequest { Query = "Solo" });

        var match = Assert.Single(response.Matches);
        Assert.Equal(Surakarta, match.Region.Id);
        Assert.Equal("Kota Surakarta", match.Region.Name);
        Assert.False(response.Ambiguous);
    }

    [Fact]
    public async Task CreateJointProgram_BeforeTheLetterOfIntentStage_FailsAndCreatesNothing()
    {
        var ids = RequestIds.Unique("solo-early");
        var solo = host.Client.As(Official);
        var id = (await solo.Partnerships.ProposePartnershipAsync(Propose(ids, XiAn))).Partnership.Id;
        await solo.Partnerships.AttachDocumentAsync(LetterOfIntent2015(ids, XiAn, id));

        var error = await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            async () => await solo.JointPrograms.CreateJointProgramAsync(Programmes(ids, XiAn, id)[0]),
            $"create a programme under {id}, still at EXPLORATION");

        RpcAssert.HasErrorInfo(error, "ILLEGAL_TRANSITION", "programme before the letter of intent");
        Assert.Contains("letter of intent", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        var programmes = await solo.JointPrograms.ListJointProgramsAsync(new ListJointProgramsRequest { PartnershipId = id });
        Assert.Empty(programmes.JointPrograms);
    }

    [Fact]
    public async Task Story_WorkshopProgrammes_StayWithTheirOwnPartnership_GetAnAcademicReview_AndSurviveAChangeOfMayor()
    {
        var ids = RequestIds.Unique("solo-prog");
        var solo = host.Client.As(Official);
        await solo.Regions.RecordHeadChangeAsync(HeadChange(ids, 0));
        await solo.Regions.RecordHeadChangeAsync(HeadChange(ids, 1));
        var xianId = await SetUpTieAsync(solo, ids, XiAn);
        var zhuhaiId = await SetUpTieAsync(solo, ids, Zhuhai);
        var xianProgrammes = new List<JointProgram>();
        foreach (var request in Programmes(ids, XiAn, xianId))
        {
            xianProgrammes.Add((await solo.JointPrograms.CreateJointProgramAsync(request)).JointProgram);
        }

        foreach (var request in Programmes(ids, Zhuhai, zhuhaiId))
        {
            await solo.JointPrograms.CreateJointProgramAsync(request);
        }

        var culture = xianProgrammes.Single(p => p.Sector == Sector.Culture);
        await solo.JointPrograms.UpdateProgressAsync(Activate(ids, XiAn.Key, culture.Id));
        await solo.JointPrograms.SubmitReportAsync(FirstReport(ids, XiAn.Key, culture.Id));
        var reviewed = (await solo.JointPrograms.RecordEvaluationAsync(AcademicReview(ids, XiAn.Key, culture.Id))).JointProgram;
        var partnershipsBefore = new[] { await GetAsync(solo, xianId), await GetAsync(solo, zhuhaiId) };
        var programmesBefore = await ListProgrammesAsync(solo, xianId);

        var region = (await solo.Regions.RecordHeadChangeAsync(HeadChange(ids, 2))).Region;

        var xianList = await ListProgrammesAsync(solo, xianId);
        var zhuhaiList = await ListProgrammesAsync(solo, zhuhaiId);
        Assert.Equal([Sector.Tourism, Sector.Culture], xianList.Select(p => p.Sector).Order());
        Assert.Equal([Sector.Sport, Sector.Health], zhuhaiList.Select(p => p.Sector).Order());
        Assert.All(xianList, p => Assert.Equal(xianId, p.PartnershipId));
        Assert.All(zhuhaiList, p => Assert.Equal(zhuhaiId, p.PartnershipId));
        Assert.Empty(xianList.Select(p => p.Id).Intersect(zhuhaiList.Select(p => p.Id)));

        var review = Assert.Single(reviewed.Evaluations);
        Assert.Equal("University review team (academic review)", review.Evaluator);
        Assert.Equal(72, review.Score);
        StoryAssert.SameDate(2023, 2, 28, review.Date, "academic review");
        Assert.Equal(JointProgramStatus.Active, reviewed.Status);
        Assert.Single(reviewed.Reports);

        Assert.Equal("Respati Ardi", region.Profile.CurrentHead.Name);
        StoryAssert.SameDate(2025, 2, 20, region.Profile.CurrentHead.TermStart, "Respati Ardi's term");
        Assert.Equal(["Gibran Rakabuming Raka", "F.X. Hadi Rudyatmo"], region.Profile.HeadHistory.Select(h => h.Name));
        StoryAssert.SameDate(2025, 2, 19, region.Profile.HeadHistory[0].TermEnd, "end of Gibran's term, closed by the change");
        StoryAssert.SameDate(2021, 2, 17, region.Profile.HeadHistory[1].TermEnd, "end of Rudyatmo's term, as recorded");

        var partnershipsAfter = new[] { await GetAsync(solo, xianId), await GetAsync(solo, zhuhaiId) };
        Assert.Equal(partnershipsBefore.Select(p => (p.Version, p.Stage)), partnershipsAfter.Select(p => (p.Version, p.Stage)));
        Assert.Equal(
            programmesBefore.Select(p => (p.Id, p.Status, p.Title, p.Evaluations.Count, p.Reports.Count)),
            xianList.Select(p => (p.Id, p.Status, p.Title, p.Evaluations.Count, p.Reports.Count)));
    }

    private static async Task<string> SetUpTieAsync(CollabClient solo, RequestIds ids, Tie tie)
    {
        var id = (await solo.Partnerships.ProposePartnershipAsync(Propose(ids, tie))).Partnership.Id;
        await solo.Partnerships.AttachDocumentAsync(LetterOfIntent2015(ids, tie, id));
        await solo.Partnerships.AdvanceStageAsync(ToLetterOfIntent(ids, tie, id));
        await solo.Partnerships.RenewPartnershipAsync(Renewal2021(ids, tie, id));
        await solo.Partnerships.RecordMeetingAsync(Workshop(ids, tie, id));
        await solo.Partnerships.UpdatePrioritySectorsAsync(Sectors(ids, tie, id));
        return id;
    }

    private static async Task<Partnership> GetAsync(CollabClient client, string id) =>
        (await client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;

    private static async Task<List<JointProgram>> ListProgrammesAsync(CollabClient client, string partnershipId) =>
        [.. (await client.JointPrograms.ListJointProgramsAsync(new ListJointProgramsRequest { PartnershipId = partnershipId })).JointPrograms];
}
