using CollabPlatform.Contracts.V1;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Integration.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class PartnershipApiTests(ApiHostFixture fixture)
{
    private PartnershipService.PartnershipServiceClient Client => new(fixture.Channel);

    [Fact]
    public async Task ProposeGetAdvance_IllegalMove_IsFailedPreconditionWithTheReasonAndChangesNothing()
    {
        var options = ApiRequests.AsOfficial("ID-33.10");
        var proposed = await Client.ProposePartnershipAsync(ApiRequests.KlatenNanjing(), options);
        var id = proposed.Partnership.Id;

        var read = await Client.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id }, options);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.AdvanceStageAsync(
            new AdvanceStageRequest { RequestId = ApiRequests.NewRequestId(), PartnershipId = id, TargetStage = PartnershipStage.Signed }, options).ResponseAsync);

        Assert.Equal(proposed.Partnership, read.Partnership);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("ILLEGAL_TRANSITION", info.Reason);
        Assert.Equal("collab.v1", info.Domain);
        Assert.Equal(id, info.Metadata["partnership_id"]);
        Assert.Contains("Exploration to Signed", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await Client.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id }, options)).Partnership.Version);
    }

    [Fact]
    public async Task BadInput_IsInvalidArgumentWithEveryFieldAndNeverReachesAGrain()
    {
        var request = new ProposePartnershipRequest { Title = "Klaten\0", LocalRegionId = "Klaten", Counterpart = new Counterpart { ForeignRegionId = "ID-33.72" } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ProposePartnershipAsync(request, ApiRequests.AsOfficial("ID-33.10")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(
            ["title", "request_id", "kind", "local_region_id", "counterpart.foreign_region_id"],
            ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Retry_AfterAHostRestart_ReturnsTheFirstResultAndChangesNothing()
    {
        var options = ApiRequests.AsOfficial("ID-33.10");
        var proposal = ApiRequests.KlatenNanjing();
        var first = await Client.ProposePartnershipAsync(proposal, options);
        var meeting = new RecordMeetingRequest
        {
            RequestId = ApiRequests.NewRequestId(),
            PartnershipId = first.Partnership.Id,
            Meeting = new Meeting { Date = ApiRequests.Date(2025, 7, 22), Mode = MeetingMode.Virtual, Outcome = "letter of intent next" },
        };
        var recorded = await Client.RecordMeetingAsync(meeting, options);

        await fixture.RestartHostAsync();
        var proposalRetry = await Client.ProposePartnershipAsync(proposal, options);
        var meetingRetry = await Client.RecordMeetingAsync(meeting, options);
        meeting.Meeting.Outcome = "something else";
        var reused = await Assert.ThrowsAsync<RpcException>(() => Client.RecordMeetingAsync(meeting, options).ResponseAsync);

        Assert.Equal(first, proposalRetry);
        Assert.Equal(recorded, meetingRetry);
        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        Assert.Equal("REQUEST_ID_REUSED", reused.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(2, (await Client.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = first.Partnership.Id }, options)).Partnership.Version);
    }

    [Fact]
    public async Task List_WithFiltersAndPaging_ReturnsEachMatchOnceInCreationOrder()
    {
        // Muara Enim's partnerships are this test's alone.
        var options = ApiRequests.AsOfficial("ID-16.03");
        var created = new List<string>();
        foreach (var name in new[] { "Kobe University", "Yamaguchi University", "JICA", "Kitakyushu Asian Center", "Shimane Prefectural University" })
        {
            var response = await Client.ProposePartnershipAsync(
                new ProposePartnershipRequest
                {
                    RequestId = ApiRequests.NewRequestId(),
                    Kind = PartnershipKind.Institutional,
                    Title = "Muara Enim – " + name,
                    LocalRegionId = "ID-16.03",
                    Counterpart = new Counterpart { Institution = new Institution { Name = name, Country = "JP", Kind = "university" } },
                    PrioritySectors = { Sector.Education, Sector.UrbanManagement },
                },
                options);
            created.Add(response.Partnership.Id);
        }

        var seen = new List<Partnership>();
        var request = new ListPartnershipsRequest
        {
            PageSize = 2,
            RegionId = "ID-16",
            FacilitatorId = "MINISTRY-JP",
            Sectors = { Sector.Education },
            Stages = { PartnershipStage.Initiative },
            Kind = PartnershipKind.Institutional,
        };
        var pages = 0;
        do
        {
            var page = await Client.ListPartnershipsAsync(request, options);
            seen.AddRange(page.Partnerships);
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);
        var full = await Client.ListPartnershipsAsync(new ListPartnershipsRequest { RegionId = "ID-16.03", View = PartnershipView.Full }, options);
        var none = await Client.ListPartnershipsAsync(new ListPartnershipsRequest { RegionId = "ID-16", Stages = { PartnershipStage.Signed } }, options);
        var tampered = await Assert.ThrowsAsync<RpcException>(() => Client.ListPartnershipsAsync(
            new ListPartnershipsRequest { RegionId = "ID-16", PageToken = "bm90LWEtdG9rZW4" }, options).ResponseAsync);

        Assert.Equal(created, seen.Select(p => p.Id));
        Assert.Equal(3, pages);
        Assert.All(seen, p => Assert.Empty(p.History));
        Assert.Equal("Kobe University", seen[0].Counterpart.Institution.Name);
        Assert.Equal(created, full.Partnerships.Select(p => p.Id));
        Assert.All(full.Partnerships, p => Assert.Single(p.History));
        Assert.Empty(none.Partnerships);
        Assert.Equal(StatusCode.InvalidArgument, tampered.StatusCode);
    }

    [Fact]
    public async Task List_ByFacilitator_ShowsExplicitFacilitatorsInTheBasicView()
    {
        var options = ApiRequests.AsOfficial("ID-33.09");
        var proposal = ApiRequests.KlatenNanjing();
        proposal.LocalRegionId = "ID-33.09";
        var proposed = await Client.ProposePartnershipAsync(proposal, options);
        await Client.AddFacilitatorAsync(
            new AddFacilitatorRequest { RequestId = ApiRequests.NewRequestId(), PartnershipId = proposed.Partnership.Id, JurisdictionId = "ID-32", Role = "broker through the Jawa Barat – Fujian tie" },
            options);

        // Jawa Barat's facilitator lists what it facilitates; a filter on ID-32 is outside Klaten's official.
        var facilitator = ApiRequests.As(TestTokens.Facilitator("ID-32"));
        var byFacilitator = await Client.ListPartnershipsAsync(new ListPartnershipsRequest { FacilitatorId = "ID-32", PageSize = 200 }, facilitator);
        var byRegion = await Client.ListPartnershipsAsync(new ListPartnershipsRequest { RegionId = "ID-32", PageSize = 200 }, facilitator);

        var listed = Assert.Single(byFacilitator.Partnerships, p => p.Id == proposed.Partnership.Id);
        Assert.Equal("ID-32", Assert.Single(listed.Facilitators).JurisdictionId);
        Assert.Equal(2, listed.Version);
        Assert.DoesNotContain(byRegion.Partnerships, p => p.Id == proposed.Partnership.Id);
    }
}
