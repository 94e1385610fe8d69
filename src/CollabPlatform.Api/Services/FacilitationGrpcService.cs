using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.ReadModels;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using DomainSector = CollabPlatform.Domain.Common.Sector;
using DomainStage = CollabPlatform.Domain.Partnerships.PartnershipStage;
using OverdueKind = CollabPlatform.Persistence.ReadModels.OverdueKind;

namespace CollabPlatform.Api.Services;

/// <summary>collab.v1.FacilitationService: the agreement feed, dashboards and overdue lists of a jurisdiction.</summary>
public sealed partial class FacilitationGrpcService(
    RegionCatalog catalog,
    ICallerAccessor callers,
    FeedHub feeds,
    LedgerQueries ledger,
    FacilitationQueries facilitation,
    StreamLimiter streams,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<FacilitationGrpcService> logger) : FacilitationService.FacilitationServiceBase
{
    private const int DefaultExpiringWithinDays = 90;

    // A horizon long enough for any agreement, and short enough that the date arithmetic cannot overflow.
    private const int MaxExpiringWithinDays = 36500;
    private const int DefaultRecentActivity = 10;
    private const int MaxRecentActivity = 100;

    public override async Task<GetDashboardSummaryResponse> GetDashboardSummary(GetDashboardSummaryRequest request, ServerCallContext context)
    {
        FacilitationRequestValidator.Validate(request).ThrowIfInvalid();
        var scope = catalog.RequireJurisdiction(request.Scope, "scope");
        callers.GetCaller(context).RequireScope(scope, catalog);
        var days = request.ExpiringWithinDays == 0 ? DefaultExpiringWithinDays : Math.Min(request.ExpiringWithinDays, MaxExpiringWithinDays);
        var recent = request.RecentActivityLimit == 0 ? DefaultRecentActivity : Math.Min(request.RecentActivityLimit, MaxRecentActivity);
        var now = time.GetUtcNow();
        var data = await facilitation.GetDashboardAsync(scope, DateOnly.FromDateTime(now.UtcDateTime), days, recent, context.CancellationToken);

        var response = new GetDashboardSummaryResponse
        {
            Scope = scope,
            ExpiringWithinDays = days,
            ExpiringCount = data.ExpiringCount,
            ReportsOverdueCount = data.ReportsOverdueCount,
            Cursor = data.Cursor.ToString(),
            GeneratedAt = now.ToProto(),
        };
        response.CountsByStage.AddRange(Enum.GetValues<DomainStage>()
            .Where(s => data.ByStage.ContainsKey(s.ToString()))
            .Select(s => new StageCount { Stage = s.ToProto(), Count = data.ByStage[s.ToString()] }));
        response.CountsBySector.AddRange(Enum.GetValues<DomainSector>()
            .Where(s => data.BySector.ContainsKey(s.ToString()))
            .Select(s => new SectorCount { Sector = s.ToProto(), Count = data.BySector[s.ToString()] }));
        response.RecentActivity.AddRange(data.RecentActivity.Select(e => e.ToAgreementEvent()));
        return response;
    }

    public override async Task<ListOverdueResponse> ListOverdue(ListOverdueRequest request, ServerCallContext context)
    {
        FacilitationRequestValidator.Validate(request).ThrowIfInvalid();
        var scope = catalog.RequireJurisdiction(request.Scope, "scope");
        callers.GetCaller(context).RequireScope(scope, catalog);
        if (!FacilitationQueries.TryReadPageToken(scope, request.PageToken, out var after, out var error))
        {
            throw RpcErrors.InvalidArgument("page_token", error!);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var page = await facilitation.ListOverdueAsync(scope, today, PageSizes.Normalize(request.PageSize), after, context.CancellationToken);
        var response = new ListOverdueResponse { NextPageToken = page.NextPageToken };
        response.Items.AddRange(page.Items.Select(item => new OverdueItem
        {
            Kind = item.Kind == OverdueKind.Report ? Contracts.V1.OverdueKind.Report : Contracts.V1.OverdueKind.Milestone,
            PartnershipId = item.PartnershipId,
            JointProgramId = item.ProgramId,
            MilestoneId = item.MilestoneId,
            DueDate = item.DueDate.ToProto(),
            DaysOverdue = today.DayNumber - item.DueDate.DayNumber,
            Description = item.Kind == OverdueKind.Report
                ? $"Report of {item.ProgramId} ({item.ProgramTitle}) due {item.DueDate:yyyy-MM-dd}"
                : $"Milestone \"{item.MilestoneTitle}\" of {item.ProgramId} ({item.ProgramTitle}) due {item.DueDate:yyyy-MM-dd}",
        }));
        return response;
    }
}
