using System.Text.Json;
using CollabPlatform.Contracts.V1;
using CollabPlatform.ForeignClient.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>Behaviours the protos promise that a client found broken from outside; each is pinned here.</summary>
[Collection(ContractHostCollection.Name)]
public sealed class ContractMismatchTests(ContractHost host)
{
    private readonly Seeds _seeds = new(host);

    private JointProgramService.JointProgramServiceClient Programs => new(host.Invoker);

    [Fact]
    public async Task UpdateProgress_WithMilestonesActualsAndStatus_RaisesTheVersionByOne_WithOneAuditRecord()
    {
        var tie = await _seeds.LetterOfIntentAsync();
        var program = await _seeds.ProgramAsync(tie.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30));

        var updated = (await Programs.UpdateProgressAsync(new UpdateProgressRequest
        {
            RequestId = Seeds.NewId("progress"),
            JointProgramId = program.Id,
            ExpectedVersion = program.Version,
            MilestoneCompletions = { new MilestoneCompletion { MilestoneId = program.Milestones[0].Id, CompletedDate = Seeds.Day(-1) } },
            IndicatorActuals = { new IndicatorActual { IndicatorId = program.Indicators[0].Id, Actual = 12 } },
            Status = JointProgramStatus.Active,
        }, Callers.As(Callers.Klaten))).JointProgram;

        Assert.Equal(program.Version + 1, updated.Version);
        Assert.Equal(JointProgramStatus.Active, updated.Status);
        Assert.Equal(12, updated.Indicators[0].Actual);
        Assert.NotNull(updated.Milestones[0].CompletedDate);
        var record = Assert.Single(await _seeds.AuditOfAsync(program.Id), r => r.Operation == "UpdateProgress");
        Assert.Equal((program.Version, updated.Version), (record.VersionBefore, record.VersionAfter));
        Assert.Single(record.EventTypes);
        Assert.Equal((JointProgramStatus.Planned, JointProgramStatus.Active), (record.StatusBefore, record.StatusAfter));

        // The version is the one the next expected_version check compares with.
        var again = await Programs.UpdateProgressAsync(new UpdateProgressRequest
        {
            RequestId = Seeds.NewId("progress"),
            JointProgramId = program.Id,
            ExpectedVersion = updated.Version,
            IndicatorActuals = { new IndicatorActual { IndicatorId = program.Indicators[0].Id, Actual = 13 } },
        }, Callers.As(Callers.Klaten));
        Assert.Equal(updated.Version + 1, again.JointProgram.Version);
    }

    [Fact]
    public async Task SubmitReport_MovesTheNextReportDueOnByOneReportingPeriod()
    {
        var tie = await _seeds.LetterOfIntentAsync();
        var start = new DateOnly(DateTime.UtcNow.Year - 1, 1, 1);
        var program = await _seeds.ProgramAsync(tie.Id, start, periodMonths: 3);
        Assert.Equal(start.AddMonths(3), Seeds.FromDate(program.NextReportDue));

        // A report for a period that ends two days before the due date.
        var response = await Programs.SubmitReportAsync(new SubmitReportRequest
        {
            RequestId = Seeds.NewId("report"),
            JointProgramId = program.Id,
            Report = new ProgressReport { PeriodStart = Seeds.ToDate(start), PeriodEnd = Seeds.ToDate(start.AddMonths(3).AddDays(-2)), Summary = "first quarter" },
        }, Callers.As(Callers.Klaten));

        Assert.Equal(start.AddMonths(6), Seeds.FromDate(response.JointProgram.NextReportDue));
        Assert.Equal(program.Version + 1, response.JointProgram.Version);
    }

    [Theory]
    [InlineData("region_id", "ID-31")]
    [InlineData("facilitator_id", "ID-32")]
    [InlineData("region_id", "ID-33.72")]
    public async Task ListPartnerships_WithAFilterOutsideTheCallersJurisdiction_IsPermissionDenied(string field, string value)
    {
        var request = field == "region_id" ? new ListPartnershipsRequest { RegionId = value } : new ListPartnershipsRequest { FacilitatorId = value };
        var partnerships = new PartnershipService.PartnershipServiceClient(host.Invoker);

        var error = await Seeds.FailsAsync(StatusCode.PermissionDenied, async () => await partnerships.ListPartnershipsAsync(request, Callers.As(Callers.Klaten)), $"{field}={value} as Klaten");

        Assert.Equal("OUT_OF_SCOPE", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Contains(value, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("region_id", Seeds.KlatenId)]
    [InlineData("region_id", "ID-33")]
    [InlineData("region_id", Seeds.NanjingCounty)]
    [InlineData("facilitator_id", "ID-33")]
    [InlineData("facilitator_id", "MINISTRY-ID")]
    public async Task ListPartnerships_WithAFilterOnTheCallersOwnTies_IsAnswered(string field, string value)
    {
        var tie = await _seeds.ProposeAsync();
        var request = field == "region_id" ? new ListPartnershipsRequest { RegionId = value, PageSize = 200 } : new ListPartnershipsRequest { FacilitatorId = value, PageSize = 200 };
        var partnerships = new PartnershipService.PartnershipServiceClient(host.Invoker);

        var ids = new List<string>();
        var token = string.Empty;
        do
        {
            request.PageToken = token;
            var page = await partnerships.ListPartnershipsAsync(request, Callers.As(Callers.Klaten));
            ids.AddRange(page.Partnerships.Select(p => p.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Contains(tie.Id, ids);
    }

    [Fact]
    public async Task Json_Int64FieldsAreStrings()
    {
        var tie = await _seeds.ProposeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/partnerships/{tie.Id}");
        request.Headers.Authorization = new("Bearer", Callers.Klaten);

        using var response = await host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        var version = json.RootElement.GetProperty("partnership").GetProperty("version");
        Assert.Equal(JsonValueKind.String, version.ValueKind);
        Assert.Equal("1", version.GetString());
    }
}
