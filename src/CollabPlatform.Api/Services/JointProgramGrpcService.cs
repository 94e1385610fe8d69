using System.Text.Json;
using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Idempotency;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence.ReadModels;
using Google.Protobuf;
using Grpc.Core;
using DomainPartnership = CollabPlatform.Domain.Partnerships.Partnership;
using DomainProgram = CollabPlatform.Domain.JointPrograms.JointProgram;
using Sector = CollabPlatform.Contracts.V1.Sector;

namespace CollabPlatform.Api.Services;

/// <summary>
/// collab.v1.JointProgramService: one grain per programme (which asks its partnership for its
/// stage), lists from the read model.
/// </summary>
public sealed class JointProgramGrpcService(
    IGrainFactory grains,
    RegionCatalog catalog,
    ICallerAccessor callers,
    ProgramQueries programs,
    PartnershipQueries partnerships,
    LedgerQueries ledger) : JointProgramService.JointProgramServiceBase
{
    public override async Task<CreateJointProgramResponse> CreateJointProgram(CreateJointProgramRequest request, ServerCallContext context)
    {
        JointProgramRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);

        // Derived from the caller and request id, like a partnership id, so a retry reaches the same grain.
        var programId = RequestIds.ProgramId(caller.Actor, request.RequestId);
        var program = await ChangeAsync(programId, request.ToDomain(programId), caller, request, request.RequestId, 0, FieldPaths.CreateProgram, request.PartnershipId);
        return new CreateJointProgramResponse { JointProgram = program.ToProto() };
    }

    public override async Task<GetJointProgramResponse> GetJointProgram(GetJointProgramRequest request, ServerCallContext context)
    {
        JointProgramRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var snapshot = await Grain(request.JointProgramId).GetAsync();
        var program = snapshot is null ? null : DomainProgram.FromHistory(snapshot.Events);

        // A programme is seen by whoever sees its partnership; an outsider hears the same whether the id names anything.
        var partnership = program is null ? null : await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(program.PartnershipId)).GetAsync();
        if (AccessPolicy.CheckRead(caller.Principal, partnership is null ? new DomainPartnership() : DomainPartnership.FromHistory(partnership.Events), catalog) is not null)
        {
            throw RpcErrors.FromRejection(
                AccessPolicy.Hidden(caller.Principal, "joint program"),
                new RejectionContext(ResourceKind.JointProgram, request.JointProgramId, FieldPaths.Progress, 0));
        }

        return program is null
            ? throw RpcErrors.JointProgramNotFound(request.JointProgramId)
            : new GetJointProgramResponse { JointProgram = program.ToProto() };
    }

    public override async Task<ListJointProgramsResponse> ListJointPrograms(ListJointProgramsRequest request, ServerCallContext context)
    {
        JointProgramRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var filter = new ProgramFilter
        {
            Jurisdiction = caller.Viewer,
            PartnershipId = request.PartnershipId.Length > 0 ? request.PartnershipId : null,
            Sector = request.Sector == Sector.Unspecified ? null : request.Sector.ToDomain().ToString(),
            Status = request.Status == JointProgramStatus.Unspecified ? null : request.Status.ToDomain().ToString(),
        };
        if (!ProgramQueries.TryReadPageToken(filter, request.PageToken, out var after, out var error))
        {
            throw RpcErrors.InvalidArgument("page_token", error!);
        }

        if (filter.PartnershipId is { } partnershipId)
        {
            var seenBy = await partnerships.JurisdictionsOfAsync(partnershipId, context.CancellationToken);
            if (!caller.Principal.IsGlobal && (seenBy is null || !AccessPolicy.Sees(caller.Principal, seenBy)))
            {
                throw RpcErrors.FromRejection(
                    AccessPolicy.Hidden(caller.Principal, "partnership"),
                    new RejectionContext(ResourceKind.Partnership, partnershipId, FieldPaths.Propose, 0));
            }

            if (seenBy is null)
            {
                throw RpcErrors.PartnershipNotFound(partnershipId);
            }
        }

        var page = await programs.ListAsync(filter, PageSizes.Normalize(request.PageSize), after, context.CancellationToken);

        // Every programme of the page from one ledger query, folded as its grain would.
        var streams = await ledger.ReadStreamsAsync([.. page.Items.Select(r => GrainKeys.Program(r.ProgramId))], [], context.CancellationToken);
        var response = new ListJointProgramsResponse { NextPageToken = page.NextPageToken };
        foreach (var row in page.Items)
        {
            var events = streams.GetValueOrDefault(GrainKeys.Program(row.ProgramId)) ?? [];
            var program = DomainProgram.FromHistory(events.Select(e => JsonSerializer.Deserialize<JointProgramEvent>(e.Payload, DomainJson.Options)!));
            response.JointPrograms.Add(program.ToProto());
        }

        return response;
    }

    public override async Task<UpdateProgressResponse> UpdateProgress(UpdateProgressRequest request, ServerCallContext context)
    {
        JointProgramRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var program = await ChangeAsync(request.JointProgramId, request.ToDomain(), caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Progress);
        return new UpdateProgressResponse { JointProgram = program.ToProto() };
    }

    public override async Task<SubmitReportResponse> SubmitReport(SubmitReportRequest request, ServerCallContext context)
    {
        JointProgramRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var reportId = RequestIds.ReportId(caller.Actor, request.RequestId);
        var program = await ChangeAsync(request.JointProgramId, request.Report.ToDomain(reportId), caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Report);
        return new SubmitReportResponse { JointProgram = program.ToProto(), ReportId = reportId };
    }

    public override async Task<RecordEvaluationResponse> RecordEvaluation(RecordEvaluationRequest request, ServerCallContext context)
    {
        JointProgramRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var evaluationId = RequestIds.EvaluationId(caller.Actor, request.RequestId);
        var program = await ChangeAsync(request.JointProgramId, request.Evaluation.ToDomain(evaluationId), caller, request, request.RequestId, request.ExpectedVersion, FieldPaths.Evaluation);
        return new RecordEvaluationResponse { JointProgram = program.ToProto(), EvaluationId = evaluationId };
    }

    private async Task<DomainProgram> ChangeAsync(
        string programId,
        JointProgramCommand command,
        Caller caller,
        IMessage request,
        string requestId,
        long expectedVersion,
        Func<string, string> fieldPath,
        string? partnershipId = null)
    {
        var grain = Grain(programId);
        var result = await grain.ExecuteAsync(command, new CommandMetadata(caller.Actor, requestId, expectedVersion, RequestIds.Hash(request), caller.Principal));
        if (result.Rejection is { } rejection)
        {
            var current = rejection.Kind == RejectionKind.Conflict ? (await grain.GetAsync())?.Version : null;
            throw RpcErrors.FromRejection(
                rejection,
                new RejectionContext(ResourceKind.JointProgram, programId, fieldPath, expectedVersion) { CurrentVersion = current, PartnershipId = partnershipId });
        }

        return DomainProgram.FromHistory(result.Snapshot!.Events);
    }

    private IJointProgramGrain Grain(string programId) => grains.GetGrain<IJointProgramGrain>(GrainKeys.Program(programId));
}
