using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Idempotency;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence.ReadModels;
using Google.Protobuf;
using Grpc.Core;
using DomainPartnership = CollabPlatform.Domain.Partnerships.Partnership;

namespace CollabPlatform.Api.Services;

/// <summary>
/// collab.v1.PartnershipService. Each rpc validates the whole request, resolves the caller, calls
/// the partnership's grain and maps the answer; lists come from the read model.
/// </summary>
public sealed partial class PartnershipGrpcService(
    IGrainFactory grains,
    RegionCatalog catalog,
    ICallerAccessor callers,
    PartnershipQueries partnerships,
    LedgerQueries ledger) : PartnershipService.PartnershipServiceBase
{
    public override async Task<GetPartnershipResponse> GetPartnership(GetPartnershipRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var snapshot = await Grain(request.PartnershipId).GetAsync();
        var partnership = snapshot is null ? new DomainPartnership() : DomainPartnership.FromHistory(snapshot.Events);

        // Visibility before existence: an outsider hears the same whether the id names anything.
        if (AccessPolicy.CheckRead(caller.Principal, partnership, catalog) is { } hidden)
        {
            throw RpcErrors.FromRejection(hidden, new RejectionContext(ResourceKind.Partnership, request.PartnershipId, FieldPaths.Propose, 0));
        }

        return snapshot is null
            ? throw RpcErrors.PartnershipNotFound(request.PartnershipId)
            : new GetPartnershipResponse { Partnership = partnership.ToProto() };
    }

    public override async Task<RecordMeetingResponse> RecordMeeting(RecordMeetingRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var meetingId = RequestIds.MeetingId(caller.Actor, request.RequestId);
        var partnership = await ChangeAsync(request.PartnershipId, request.Meeting.ToDomain(meetingId), caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Meeting);
        return new RecordMeetingResponse { Partnership = partnership.ToProto(), MeetingId = meetingId };
    }

    public override async Task<AttachDocumentResponse> AttachDocument(AttachDocumentRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var documentId = RequestIds.DocumentId(caller.Actor, request.RequestId);
        var partnership = await ChangeAsync(request.PartnershipId, request.Document.ToDomain(documentId), caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Document);
        return new AttachDocumentResponse { Partnership = partnership.ToProto(), DocumentId = documentId };
    }

    public override async Task<AdvanceStageResponse> AdvanceStage(AdvanceStageRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var command = new AdvanceStage(request.TargetStage.ToDomain(), CommonMapping.Optional(request.Note));
        var partnership = await ChangeAsync(request.PartnershipId, command, caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Advance);
        return new AdvanceStageResponse { Partnership = partnership.ToProto() };
    }

    public override async Task<RenewPartnershipResponse> RenewPartnership(RenewPartnershipRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var documentId = RequestIds.DocumentId(caller.Actor, request.RequestId);
        var partnership = await ChangeAsync(request.PartnershipId, request.ToDomain(documentId), caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Renew);
        return new RenewPartnershipResponse { Partnership = partnership.ToProto(), DocumentId = documentId };
    }

    public override async Task<TerminatePartnershipResponse> TerminatePartnership(TerminatePartnershipRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var command = new TerminatePartnership(request.Reason.Trim(), request.EffectiveDate.ToDomain());
        var partnership = await ChangeAsync(request.PartnershipId, command, caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Terminate);
        return new TerminatePartnershipResponse { Partnership = partnership.ToProto() };
    }

    public override async Task<UpdatePrioritySectorsResponse> UpdatePrioritySectors(UpdatePrioritySectorsRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var command = new UpdatePrioritySectors(request.PrioritySectors.ToDomain());
        var partnership = await ChangeAsync(request.PartnershipId, command, caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Sectors);
        return new UpdatePrioritySectorsResponse { Partnership = partnership.ToProto() };
    }

    public override async Task<AddFacilitatorResponse> AddFacilitator(AddFacilitatorRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var jurisdiction = catalog.RequireJurisdiction(request.JurisdictionId, "jurisdiction_id");
        var command = new AddFacilitator(jurisdiction, request.Role.Trim());
        var partnership = await ChangeAsync(request.PartnershipId, command, caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Facilitator);
        return new AddFacilitatorResponse { Partnership = partnership.ToProto() };
    }

    /// <summary>
    /// Executes a command on the partnership's grain: the grain answers a retried request id with
    /// its first result, refuses a reused one, and commits an accepted change before answering.
    /// </summary>
    private async Task<DomainPartnership> ChangeAsync(
        string partnershipId,
        PartnershipCommand command,
        Caller caller,
        IMessage request,
        string requestId,
        long expectedVersion,
        Func<string, string> fieldPath)
    {
        var grain = Grain(partnershipId);
        var result = await grain.ExecuteAsync(command, new CommandMetadata(caller.Actor, requestId, expectedVersion, RequestIds.Hash(request), caller.Principal));
        if (result.Rejection is { } rejection)
        {
            var current = rejection.Kind == RejectionKind.Conflict ? (await grain.GetAsync())?.Version : null;
            throw RpcErrors.FromRejection(rejection, new RejectionContext(ResourceKind.Partnership, partnershipId, fieldPath, expectedVersion) { CurrentVersion = current });
        }

        return DomainPartnership.FromHistory(result.Snapshot!.Events);
    }

    private IPartnershipGrain Grain(string partnershipId) => grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId));
}
