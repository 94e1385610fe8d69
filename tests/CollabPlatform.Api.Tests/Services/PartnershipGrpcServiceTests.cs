using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Idempotency;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Services;
using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Persistence.ReadModels;
using Grpc.Core;
using Npgsql;

namespace CollabPlatform.Api.Tests.Services;

public sealed class PartnershipGrpcServiceTests : IDisposable
{
    private const string Actor = "official:ID-33.10";
    private readonly ServiceFixture _fixture = new();

    private static TestServerCallContext Call() => TestServerCallContext.As(new Principal(Actor, Role.RegionOfficial, "ID-33.10"));

    private static TestServerCallContext Solo() => TestServerCallContext.As(new Principal("official:ID-33.72", Role.RegionOfficial, "ID-33.72"));

    private static TestServerCallContext AsAdmin() => TestServerCallContext.As(new Principal("admin", Role.Admin, null));

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Propose_Klaten_AssignsTheIdDerivedFromCallerAndRequest()
    {
        var response = await _fixture.Partnerships.ProposePartnership(StoryRequests.KlatenNanjing(), Call());

        Assert.Equal(RequestIds.PartnershipId(Actor, "klaten-nanjing"), response.Partnership.Id);
        Assert.Equal(1, response.Partnership.Version);
        Assert.Equal(PartnershipStage.Exploration, response.Partnership.Stage);
        Assert.Equal(Actor, response.Partnership.History[0].Actor);
    }

    [Fact]
    public async Task Propose_Retried_ReturnsTheFirstResultAndChangesNothing()
    {
        var first = await _fixture.Partnerships.ProposePartnership(StoryRequests.KlatenNanjing(), Call());

        var retry = await _fixture.Partnerships.ProposePartnership(StoryRequests.KlatenNanjing(), Call());

        Assert.Equal(first, retry);
        var grain = _fixture.PartnershipGrain(first.Partnership.Id);
        Assert.Equal(2, grain.Executions);
        Assert.Equal(1, (await grain.GetAsync())!.Version);
    }

    [Fact]
    public async Task Propose_ReusingTheRequestIdForAnotherProposal_IsRequestIdReused()
    {
        await _fixture.Partnerships.ProposePartnership(StoryRequests.KlatenNanjing(), Call());
        var other = StoryRequests.PurwakartaGurye(requestId: "klaten-nanjing");

        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => _fixture.Partnerships.ProposePartnership(other, Call()));

        Assert.Equal(ErrorReasons.RequestIdReused, RpcAssert.Info(ex).Reason);
    }

    [Fact]
    public async Task Propose_WithAnUnknownRegion_IsRegionNotFoundWithoutAGrainCall()
    {
        var request = StoryRequests.KlatenNanjing();
        request.Counterpart.ForeignRegionId = "CN-999999";
        var service = new PartnershipGrpcService(FakeGrainFactory.None(), RegionCatalog.Default, new AuthenticatedCallerAccessor(), null!, null!);

        var ex = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => service.ProposePartnership(request, Call()));

        Assert.Equal(ErrorReasons.RegionNotFound, RpcAssert.Info(ex).Reason);
        Assert.Equal("counterpart.foreign_region_id", RpcAssert.Info(ex).Metadata["field"]);
    }

    [Fact]
    public async Task Propose_WithBadInput_IsInvalidArgumentWithoutAGrainCall()
    {
        var service = new PartnershipGrpcService(FakeGrainFactory.None(), RegionCatalog.Default, new AuthenticatedCallerAccessor(), null!, null!);

        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => service.ProposePartnership(new ProposePartnershipRequest(), Call()));

        Assert.Contains("request_id", RpcAssert.ViolatedFields(ex));
    }

    [Fact]
    public async Task Propose_SisterProvinceOfARegency_IsInvalidArgumentFromTheDomainOnTheRequestField()
    {
        var request = StoryRequests.KlatenNanjing();
        request.Kind = PartnershipKind.SisterProvince;

        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => _fixture.Partnerships.ProposePartnership(request, Call()));

        Assert.Equal(["local_region_id"], RpcAssert.ViolatedFields(ex));
    }

    [Fact]
    public async Task Advance_Illegally_IsFailedPreconditionWithTheRule()
    {
        var proposed = await _fixture.Partnerships.ProposePartnership(StoryRequests.KlatenNanjing(), Call());

        var ex = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => _fixture.Partnerships.AdvanceStage(
            new AdvanceStageRequest { RequestId = "advance-1", PartnershipId = proposed.Partnership.Id, TargetStage = PartnershipStage.Signed }, Call()));

        Assert.Equal(ErrorReasons.IllegalTransition, RpcAssert.Info(ex).Reason);
        Assert.Contains("Exploration to Signed", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_OnAStaleVersion_IsAbortedWithBothVersions()
    {
        var proposed = await _fixture.Partnerships.ProposePartnership(StoryRequests.KlatenNanjing(), Call());
        var request = new AttachDocumentRequest { RequestId = "attach-1", PartnershipId = proposed.Partnership.Id, ExpectedVersion = 7, Document = StoryRequests.SemarangMinutes() };

        var ex = await RpcAssert.ThrowsAsync(StatusCode.Aborted, () => _fixture.Partnerships.AttachDocument(request, Call()));

        var info = RpcAssert.Info(ex);
        Assert.Equal(ErrorReasons.VersionMismatch, info.Reason);
        Assert.Equal("7", info.Metadata["expected_version"]);
        Assert.Equal("1", info.Metadata["current_version"]);
    }

    [Fact]
    public async Task Attach_Retried_ReturnsTheSameDocumentId()
    {
        var proposed = await _fixture.Partnerships.ProposePartnership(StoryRequests.KlatenNanjing(), Call());
        var request = new AttachDocumentRequest { RequestId = "attach-1", PartnershipId = proposed.Partnership.Id, ExpectedVersion = 1, Document = StoryRequests.SemarangMinutes() };

        var first = await _fixture.Partnerships.AttachDocument(request, Call());
        var retry = await _fixture.Partnerships.AttachDocument(request, Call());

        Assert.Equal(first, retry);
        Assert.Equal(first.DocumentId, Assert.Single(first.Partnership.Documents).Id);
    }

    [Fact]
    public async Task Renew_WithTheKindTheStageDoesNotRenew_IsFailedPrecondition()
    {
        var proposed = await _fixture.Partnerships.ProposePartnership(StoryRequests.SurakartaXian(), Solo());
        var id = proposed.Partnership.Id;
        await _fixture.Partnerships.AttachDocument(new AttachDocumentRequest { RequestId = "loi", PartnershipId = id, Document = StoryRequests.SoloLetterOfIntent2015() }, Solo());
        await _fixture.Partnerships.AdvanceStage(new AdvanceStageRequest { RequestId = "to-loi", PartnershipId = id, TargetStage = PartnershipStage.LetterOfIntent }, Solo());
        var agreement = StoryRequests.SoloLetterOfIntent2015();
        agreement.Kind = DocumentKind.Agreement;
        agreement.Date = StoryRequests.Date(2021, 10, 21);
        agreement.Validity.EffectiveDate = StoryRequests.Date(2021, 10, 21);
        agreement.Validity.ExpiryDate = StoryRequests.Date(2026, 10, 20);

        var ex = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => _fixture.Partnerships.RenewPartnership(
            new RenewPartnershipRequest { RequestId = "renew", PartnershipId = id, Document = agreement, Reason = "to comply with PP 28/2018" }, Solo()));

        Assert.Contains("replaces the LetterOfIntent", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddFacilitator_Twice_IsAlreadyExistsOnTheJurisdiction()
    {
        var proposed = await _fixture.Partnerships.ProposePartnership(StoryRequests.KlatenNanjing(), Call());
        var request = new AddFacilitatorRequest { RequestId = "f1", PartnershipId = proposed.Partnership.Id, JurisdictionId = "ID-33", Role = "provincial facilitator" };
        await _fixture.Partnerships.AddFacilitator(request, Call());
        request.RequestId = "f2";

        var ex = await RpcAssert.ThrowsAsync(StatusCode.AlreadyExists, () => _fixture.Partnerships.AddFacilitator(request, Call()));

        Assert.Equal("jurisdiction_id", RpcAssert.Info(ex).Metadata["field"]);
    }

    [Fact]
    public async Task AddFacilitator_UnknownRegion_IsRegionNotFound()
    {
        var request = new AddFacilitatorRequest { RequestId = "f1", PartnershipId = "P-1", JurisdictionId = "ID-99", Role = "provincial facilitator" };

        var ex = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => _fixture.Partnerships.AddFacilitator(request, Call()));

        Assert.Equal(ErrorReasons.RegionNotFound, RpcAssert.Info(ex).Reason);
    }

    [Fact]
    public async Task Get_Unknown_IsPartnershipNotFoundForTheAdminAndOutOfScopeForAnOfficial()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => _fixture.Partnerships.GetPartnership(new GetPartnershipRequest { PartnershipId = "P-NOPE" }, AsAdmin()));
        var hidden = await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => _fixture.Partnerships.GetPartnership(new GetPartnershipRequest { PartnershipId = "P-NOPE" }, Call()));

        Assert.Equal(ErrorReasons.PartnershipNotFound, RpcAssert.Info(ex).Reason);
        Assert.Equal(ErrorReasons.OutOfScope, RpcAssert.Info(hidden).Reason);
    }

    [Fact]
    public async Task Mutation_OnAnUnknownPartnership_IsPartnershipNotFoundForTheAdmin()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => _fixture.Partnerships.TerminatePartnership(
            new TerminatePartnershipRequest { RequestId = "t", PartnershipId = "P-NOPE", Reason = "no longer pursued", EffectiveDate = StoryRequests.Date(2025, 7, 1) }, AsAdmin()));

        Assert.Equal("P-NOPE", RpcAssert.Info(ex).Metadata["partnership_id"]);
    }

    [Fact]
    public async Task List_WithATamperedToken_IsInvalidArgumentBeforeAnyQuery()
    {
        using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");
        var service = new PartnershipGrpcService(FakeGrainFactory.None(), RegionCatalog.Default, new AuthenticatedCallerAccessor(), new PartnershipQueries(nowhere), new LedgerQueries(nowhere));
        var token = PageToken.Encode(new PartnershipFilter().Key, ["1", "P-1"]);

        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => service.ListPartnerships(new ListPartnershipsRequest { PageToken = token[..^1] + "x" }, Call()));
        var other = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => service.ListPartnerships(new ListPartnershipsRequest { PageToken = token, Kind = PartnershipKind.SisterCity }, Call()));

        Assert.Equal(["page_token"], RpcAssert.ViolatedFields(ex));
        Assert.Equal(["page_token"], RpcAssert.ViolatedFields(other));
    }

    [Fact]
    public async Task List_ForAnUnknownRegion_IsRegionNotFound()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => _fixture.Partnerships.ListPartnerships(new ListPartnershipsRequest { FacilitatorId = "CN-990000" }, Call()));

        Assert.Equal("facilitator_id", RpcAssert.Info(ex).Metadata["field"]);
    }
}
