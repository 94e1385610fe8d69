using CollabPlatform.Contracts.V1;
using CollabPlatform.ForeignClient.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>Rules a client met by trial, now written in the protos: each answers as documented, with a message that says the rule.</summary>
[Collection(ContractHostCollection.Name)]
public sealed class DocumentedRulesTests(ContractHost host)
{
    private readonly Seeds _seeds = new(host);

    [Fact]
    public async Task CreateJointProgram_BeforeTheLetterOfIntent_IsFailedPrecondition_SayingWhy()
    {
        var tie = await _seeds.ProposeAsync();

        var error = await Seeds.FailsAsync(StatusCode.FailedPrecondition, () => _seeds.ProgramAsync(tie.Id, DateOnly.FromDateTime(DateTime.UtcNow)), "programme at EXPLORATION");

        Assert.Equal("ILLEGAL_TRANSITION", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Contains("letter of intent", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RecordMeeting_DatedTomorrow_IsInvalidArgument_SayingItIsInTheFuture()
    {
        var tie = await _seeds.ProposeAsync();
        var partnerships = new PartnershipService.PartnershipServiceClient(host.Invoker);

        var error = await Seeds.FailsAsync(
            StatusCode.InvalidArgument,
            async () => await partnerships.RecordMeetingAsync(new RecordMeetingRequest
            {
                RequestId = Seeds.NewId("meeting"),
                PartnershipId = tie.Id,
                Meeting = new Meeting { Date = Seeds.Day(1), Mode = MeetingMode.Virtual, Summary = "planned call" },
            }, Callers.As(Callers.Klaten)),
            "meeting dated tomorrow");

        Assert.Contains("in the future", error.Status.Detail, StringComparison.Ordinal);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("meeting.date", violation.Field);
    }

    [Fact]
    public async Task GetDashboardSummary_AHorizonAbove36500Days_IsTreatedAs36500()
    {
        var facilitation = new FacilitationService.FacilitationServiceClient(host.Invoker);

        var summary = await facilitation.GetDashboardSummaryAsync(new GetDashboardSummaryRequest { Scope = Seeds.KlatenId, ExpiringWithinDays = int.MaxValue }, Callers.As(Callers.Klaten));

        Assert.Equal(36500, summary.ExpiringWithinDays);
    }

    [Fact]
    public async Task ListPartnerships_AnotherCallersPageToken_IsInvalidArgument_NamingTheCaller()
    {
        await _seeds.ProposeAsync();
        await _seeds.ProposeAsync();
        var partnerships = new PartnershipService.PartnershipServiceClient(host.Invoker);
        var first = await partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { PageSize = 1 }, Callers.As(Callers.Klaten));
        Assert.NotEmpty(first.NextPageToken);

        var error = await Seeds.FailsAsync(
            StatusCode.InvalidArgument,
            async () => await partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { PageSize = 1, PageToken = first.NextPageToken }, Callers.As(Callers.JawaTengah)),
            "Klaten's token used by Jawa Tengah");

        Assert.Contains("issued to another caller", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("page_token", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }
}
