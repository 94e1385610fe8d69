using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Idempotency;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Regions;
using Grpc.Core;

namespace CollabPlatform.Api.Services;

public sealed partial class PartnershipGrpcService
{
    public override async Task<ProposePartnershipResponse> ProposePartnership(ProposePartnershipRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        catalog.Require(RegionId.Parse(request.LocalRegionId), "local_region_id");
        if (request.Counterpart.PartyCase == Counterpart.PartyOneofCase.ForeignRegionId)
        {
            catalog.Require(RegionId.Parse(request.Counterpart.ForeignRegionId), "counterpart.foreign_region_id");
        }
        else if (request.Counterpart.Institution.RegionId.Length > 0)
        {
            catalog.Require(RegionId.Parse(request.Counterpart.Institution.RegionId), "counterpart.institution.region_id");
        }

        // The id follows from who asks and their request id, so a retry reaches the same grain,
        // which recognises the request and answers with the partnership it created the first time.
        var partnershipId = RequestIds.PartnershipId(caller.Actor, request.RequestId);
        var partnership = await ChangeAsync(partnershipId, request.ToDomain(partnershipId), caller, request, request.RequestId, 0, FieldPaths.Propose);
        return new ProposePartnershipResponse { Partnership = partnership.ToProto() };
    }
}
