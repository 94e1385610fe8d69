using CollabPlatform.Contracts.V1;
using Grpc.Core;

namespace CollabPlatform.Integration.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class FacilitationApiTests(ApiHostFixture fixture)
{
    private PartnershipService.PartnershipServiceClient Partnerships => new(fixture.Channel);

    private FacilitationService.FacilitationServiceClient Facilitation => new(fixture.Channel);

    private JointProgramService.JointProgramServiceClient Programs => new(fixture.Channel);

    [Fact]
    public async Task Watch_FromACursor_DeliversEveryLaterEventOfTheScopeOnceAndInOrder()
    {
        // Purwakarta's partnerships are this test's alone.
        var options = ApiRequests.AsOfficial("ID-32.14");
        var proposal = new ProposePartnershipRequest
        {
            RequestId = ApiRequests.NewRequestId(),
            Kind = PartnershipKind.SisterCity,
            Title = "Purwakarta – Gurye-gun",
            LocalRegionId = "ID-32.14",
            Counterpart = new Counterpart { ForeignRegionId = "KR-36330" },
            PrioritySectors = { Sector.Agriculture, Sector.Plantation, Sector.Industry, Sector.Tourism },
        };
        var proposed = await Partnerships.ProposePartnershipAsync(proposal, options);
        var first = await WatchUntilAsync("KR-36330", string.Empty, e => e.PartnershipId == proposed.Partnership.Id);

        await Partnerships.AdvanceStageAsync(new AdvanceStageRequest { RequestId = ApiRequests.NewRequestId(), PartnershipId = proposed.Partnership.Id, TargetStage = PartnershipStage.Exploration, Note = "visit of 2025-03-20" }, options);
        var next = await WatchUntilAsync("ID-32", first[^1].Cursor, e => e.EventType == PartnershipEventType.StageAdvanced);

        Assert.Equal(PartnershipEventType.Proposed, first[^1].EventType);
        Assert.Equal(PartnershipStage.Initiative, first[^1].ToStage);
        var advanced = Assert.Single(next);
        Assert.Equal(proposed.Partnership.Id, advanced.PartnershipId);
        Assert.Equal(PartnershipStage.Initiative, advanced.FromStage);
        Assert.Equal(PartnershipStage.Exploration, advanced.ToStage);
        Assert.Equal("official:ID-32.14", advanced.Actor);
        Assert.Contains("visit of 2025-03-20", advanced.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WithACursorTheServerNeverIssued_IsInvalidArgument()
    {
        using var call = Facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = "ID-33", AfterCursor = "yesterday" });

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Theory]
    [InlineData("999999999.0")]
    [InlineData("1.999999999")]
    public async Task Watch_WithAWellFormedCursorNamingNoCommittedEvent_IsInvalidArgument(string cursor)
    {
        using var call = Facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = "ID-33", AfterCursor = cursor }, deadline: DateTime.UtcNow.AddSeconds(10));

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task Watch_FromTheDashboardCursor_IsAccepted()
    {
        var dashboard = await Facilitation.GetDashboardSummaryAsync(new GetDashboardSummaryRequest { Scope = "MINISTRY-ID" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        using var call = Facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = "JP-01", AfterCursor = dashboard.Cursor }, cancellationToken: timeout.Token);

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(timeout.Token));

        // Nothing happens in JP-01, so the stream is still open (and quiet) when the client gives up.
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Fact]
    public async Task OverdueAndDashboard_OfAProgramBehindItsReportsAndMilestones_ShowThem()
    {
        // Surakarta's partnerships are this test's alone.
        var options = ApiRequests.AsOfficial("ID-33.72");
        var proposed = await Partnerships.ProposePartnershipAsync(
            new ProposePartnershipRequest
            {
                RequestId = ApiRequests.NewRequestId(),
                Kind = PartnershipKind.SisterCity,
                Title = "Surakarta – Zhuhai sister city",
                LocalRegionId = "ID-33.72",
                Counterpart = new Counterpart { ForeignRegionId = "CN-440400" },
                PrioritySectors = { Sector.Tourism, Sector.Culture },
                InitialStage = PartnershipStage.Exploration,
            },
            options);
        var id = proposed.Partnership.Id;
        await Partnerships.AttachDocumentAsync(new AttachDocumentRequest { RequestId = ApiRequests.NewRequestId(), PartnershipId = id, Document = ApiRequests.LetterOfIntent(ApiRequests.Date(2021, 10, 21)) }, options);
        await Partnerships.AdvanceStageAsync(new AdvanceStageRequest { RequestId = ApiRequests.NewRequestId(), PartnershipId = id, TargetStage = PartnershipStage.LetterOfIntent }, options);
        var program = await Programs.CreateJointProgramAsync(
            new CreateJointProgramRequest
            {
                RequestId = ApiRequests.NewRequestId(),
                PartnershipId = id,
                Sector = Sector.Culture,
                Title = "Batik and culinary tourism exchange",
                StartDate = ApiRequests.Date(2022, 1, 1),
                Milestones = { new Milestone { Title = "first delegation visit", DueDate = ApiRequests.Date(2022, 6, 30) } },
            },
            options);

        var overdue = await Facilitation.ListOverdueAsync(new ListOverdueRequest { Scope = "ID-33.72" }, options);
        var dashboard = await Facilitation.GetDashboardSummaryAsync(new GetDashboardSummaryRequest { Scope = "ID-33.72" }, options);
        var programs = await Programs.ListJointProgramsAsync(new ListJointProgramsRequest { PartnershipId = id }, options);

        Assert.Equal([OverdueKind.Report, OverdueKind.Milestone], overdue.Items.Select(i => i.Kind));
        Assert.Equal(ApiRequests.Date(2022, 4, 1), overdue.Items[0].DueDate);
        Assert.Equal("M1", overdue.Items[1].MilestoneId);
        Assert.All(overdue.Items, i => Assert.Equal(program.JointProgram.Id, i.JointProgramId));
        Assert.All(overdue.Items, i => Assert.True(i.DaysOverdue >= 1));
        Assert.Equal(1, dashboard.ReportsOverdueCount);
        Assert.Equal([new StageCount { Stage = PartnershipStage.LetterOfIntent, Count = 1 }], dashboard.CountsByStage);
        Assert.Equal([new SectorCount { Sector = Sector.Tourism, Count = 1 }, new SectorCount { Sector = Sector.Culture, Count = 1 }], dashboard.CountsBySector);
        // The programme's past-due report deadline may already have been recorded by its reminder,
        // after the creation; anything older than the creation must come later in the list.
        var recent = dashboard.RecentActivity.Select(a => a.EventType).ToList();
        var created = recent.IndexOf(PartnershipEventType.JointProgramCreated);
        Assert.InRange(created, 0, 1);
        Assert.All(recent.Take(created), t => Assert.Equal(PartnershipEventType.JointProgramReportOverdue, t));
        Assert.NotEmpty(dashboard.Cursor);
        // The programme's reminder may have recorded its overdue report since it was created, a new version.
        var listed = Assert.Single(programs.JointPrograms);
        Assert.Equal(program.JointProgram.Id, listed.Id);
        Assert.Equal(program.JointProgram.Title, listed.Title);
        Assert.True(listed.Version >= program.JointProgram.Version, $"version {listed.Version} went back from {program.JointProgram.Version}");
    }

    [Fact]
    public async Task Dashboard_ForAnUnknownRegion_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Facilitation.GetDashboardSummaryAsync(new GetDashboardSummaryRequest { Scope = "KR-99999" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    private async Task<List<AgreementEvent>> WatchUntilAsync(string scope, string after, Func<AgreementEvent, bool> last)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = Facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = scope, AfterCursor = after }, cancellationToken: timeout.Token);
        var events = new List<AgreementEvent>();
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            if (call.ResponseStream.Current.Event is { } e)
            {
                events.Add(e);
                if (last(e))
                {
                    return events;
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"the feed of {scope} ended before the expected event");
    }
}
