using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.ReadModels;
using Grpc.Core;

namespace CollabPlatform.Api.Services;

/// <summary>collab.v1.AuditService: the audit log, limited to what the caller's jurisdiction sees.</summary>
public sealed class AuditGrpcService(RegionCatalog catalog, ICallerAccessor callers, AuditLog audit) : AuditService.AuditServiceBase
{
    public override async Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var caller = callers.GetCaller(context);
        AuditRequestValidator.Validate(request).ThrowIfInvalid();
        var scope = request.Scope.Length > 0 ? catalog.RequireJurisdiction(request.Scope, "scope") : null;
        if (scope is not null)
        {
            caller.RequireScope(scope, catalog);
        }

        var filter = new AuditFilter
        {
            Viewer = caller.Viewer,
            Scope = scope,
            PartnershipId = request.PartnershipId.Length > 0 ? request.PartnershipId : null,
            ResourceId = request.ResourceId.Length > 0 ? request.ResourceId : null,
            Actor = request.Actor.Length > 0 ? request.Actor : null,
            From = request.StartTime?.ToDateTimeOffset(),
            Until = request.EndTime?.ToDateTimeOffset(),
        };
        if (!AuditLog.TryReadPageToken(filter, request.PageToken, out var after, out var error))
        {
            throw RpcErrors.InvalidArgument("page_token", error!);
        }

        var page = await audit.ListAsync(filter, PageSizes.Normalize(request.PageSize), after, context.CancellationToken);
        var response = new ListAuditRecordsResponse { NextPageToken = page.NextPageToken };
        response.Records.AddRange(page.Items.Select(r => r.ToProto()));
        return response;
    }
}
