using CollabPlatform.ForeignClient.Tests.Infrastructure;
using static CollabPlatform.ForeignClient.Tests.Infrastructure.Callers;
using Code = Grpc.Core.StatusCode;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>
/// Every error the rpc comments of protos/collab/v1 list, as cases run over gRPC and JSON by
/// <see cref="ErrorContractTests"/>; <see cref="ErrorCoverageTests"/> fails when a listed error has none.
/// </summary>
public static class ContractCases
{
    private const string Meeting = """ "meeting":{"date":$YESTERDAY,"mode":"MEETING_MODE_VIRTUAL","summary":"video call"} """;

    // A valid body of each partnership mutation (besides request and partnership ids), accepted on $P
    // as far as the common checks go.
    private static readonly (string Rpc, string Body)[] PartnershipMutations =
    [
        ("RecordMeeting", Meeting),
        ("AttachDocument", """ "document":{"kind":"DOCUMENT_KIND_COOPERATION_PLAN","date":$YESTERDAY,"title":"plan of action"} """),
        ("AdvanceStage", """ "targetStage":"PARTNERSHIP_STAGE_COOPERATION_PLAN" """),
        ("RenewPartnership", """ "reason":"renewed","document":{"kind":"DOCUMENT_KIND_LETTER_OF_INTENT","date":$YESTERDAY,"title":"renewed letter","validity":{"effectiveDate":$YESTERDAY}} """),
        ("TerminatePartnership", """ "reason":"ended","effectiveDate":$YESTERDAY """),
        ("UpdatePrioritySectors", """ "prioritySectors":["SECTOR_CULTURE"] """),
        ("AddFacilitator", """ "jurisdictionId":"ID-36","role":"broker" """),
    ];

    private static readonly (string Rpc, string Body)[] ProgramMutations =
    [
        ("UpdateProgress", """ "indicatorActuals":[{"indicatorId":"$I","actual":1}] """),
        ("SubmitReport", """ "report":{"periodStart":$YESTERDAY,"periodEnd":$YESTERDAY,"summary":"weekly"} """),
        ("RecordEvaluation", """ "evaluation":{"evaluator":"Universitas Sebelas Maret","date":$YESTERDAY,"findings":"on track"} """),
    ];

    public static IReadOnlyList<ContractCase> All { get; } = [.. Build()];

    private static ContractCase Case(string rpc, Code code, string? reason, string caller, string request, (string Rpc, string Request)? before = null) =>
        new(rpc, code, reason, caller, "{" + request.Trim() + "}") { Before = before };

    private static IEnumerable<ContractCase> Build()
    {
        // RegionService
        const string Profile = """ "profile":{"strengths":["batik"]},"updateMask":"strengths" """;
        // The first use must change the profile: a change that changes nothing leaves no record of its id.
        const string FirstUseOfTheId = """{"requestId":"$rid","regionId":"ID-33.10","profile":{"strengths":["$rid"]},"updateMask":"strengths"}""";
        const string Head = """ "newHead":{"name":"Hamenang Wajar Ismoyo","title":"Bupati Klaten","termStart":$YESTERDAY} """;
        yield return Case("RegionService.GetRegion", Code.InvalidArgument, null, Klaten, """ "regionId":"not a region!" """);
        yield return Case("RegionService.GetRegion", Code.NotFound, "REGION_NOT_FOUND", Klaten, """ "regionId":"ID-99.99" """);
        yield return Case("RegionService.SearchRegions", Code.InvalidArgument, null, Klaten, """ "query":"Solo","country":"XYZ" """);
        yield return Case("RegionService.ListChildRegions", Code.InvalidArgument, null, Klaten, """ "parentId":"ID-33","pageToken":"not-a-token" """);
        yield return Case("RegionService.ListChildRegions", Code.NotFound, "REGION_NOT_FOUND", Klaten, """ "parentId":"ID-99" """);
        yield return Case("RegionService.UpdateRegionProfile", Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","regionId":"ID-33.10","profile":{"strengths":["batik"]},"updateMask":"noSuchPath" """);
        yield return Case("RegionService.UpdateRegionProfile", Code.NotFound, "REGION_NOT_FOUND", Admin, """ "requestId":"$rid","regionId":"ID-33.99", """ + Profile);
        yield return Case("RegionService.UpdateRegionProfile", Code.PermissionDenied, "OUT_OF_SCOPE", Klaten, """ "requestId":"$rid","regionId":"ID-33.72", """ + Profile);
        yield return Case("RegionService.UpdateRegionProfile", Code.Aborted, "VERSION_MISMATCH", Klaten, """ "requestId":"$rid","regionId":"ID-33.10","expectedVersion":"999", """ + Profile);
        yield return Case("RegionService.UpdateRegionProfile", Code.InvalidArgument, "REQUEST_ID_REUSED", Klaten, """ "requestId":"$rid","regionId":"ID-33.10","profile":{"strengths":["tobacco"]},"updateMask":"strengths" """, before: ("RegionService.UpdateRegionProfile", FirstUseOfTheId));
        yield return Case("RegionService.RecordHeadChange", Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","regionId":"ID-33.10","newHead":{"title":"Bupati Klaten","termStart":$YESTERDAY} """);
        yield return Case("RegionService.RecordHeadChange", Code.NotFound, "REGION_NOT_FOUND", Admin, """ "requestId":"$rid","regionId":"ID-33.99", """ + Head);
        yield return Case("RegionService.RecordHeadChange", Code.PermissionDenied, "OUT_OF_SCOPE", Klaten, """ "requestId":"$rid","regionId":"ID-33.72", """ + Head);
        yield return Case("RegionService.RecordHeadChange", Code.FailedPrecondition, null, Admin, """ "requestId":"$rid","regionId":"ID-33.11","newHead":{"name":"An earlier head","title":"Bupati Sukoharjo","termStart":{"year":1990,"month":1,"day":1}} """);
        yield return Case("RegionService.RecordHeadChange", Code.Aborted, "VERSION_MISMATCH", Klaten, """ "requestId":"$rid","regionId":"ID-33.10","expectedVersion":"999", """ + Head);
        yield return Case("RegionService.RecordHeadChange", Code.InvalidArgument, "REQUEST_ID_REUSED", Klaten, """ "requestId":"$rid","regionId":"ID-33.10", """ + Head, before: ("RegionService.UpdateRegionProfile", FirstUseOfTheId));

        // PartnershipService: ProposePartnership and ListPartnerships, then the common errors of every rpc on a partnership.
        const string Propose = """ "kind":"PARTNERSHIP_KIND_FRIENDSHIP_EXCHANGE","title":"Klaten – Nanjing County","counterpart":{"foreignRegionId":"CN-350627"} """;
        yield return Case("PartnershipService.ProposePartnership", Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","localRegionId":"ID-33.10","initialStage":"PARTNERSHIP_STAGE_SIGNED", """ + Propose);
        yield return Case("PartnershipService.ProposePartnership", Code.NotFound, "REGION_NOT_FOUND", Admin, """ "requestId":"$rid","localRegionId":"ID-33.99", """ + Propose);
        yield return Case("PartnershipService.ProposePartnership", Code.PermissionDenied, "OUT_OF_SCOPE", Klaten, """ "requestId":"$rid","localRegionId":"ID-33.72", """ + Propose);
        yield return Case("PartnershipService.ProposePartnership", Code.InvalidArgument, "REQUEST_ID_REUSED", Klaten, """ "requestId":"$rid","localRegionId":"ID-33.10","kind":"PARTNERSHIP_KIND_FRIENDSHIP_EXCHANGE","title":"another title","counterpart":{"foreignRegionId":"CN-350627"} """, before: ("PartnershipService.ProposePartnership", """{"requestId":"$rid","localRegionId":"ID-33.10", """ + Propose + "}"));
        yield return Case("PartnershipService.ListPartnerships", Code.InvalidArgument, null, Klaten, """ "pageToken":"not-a-token" """);
        yield return Case("PartnershipService.ListPartnerships", Code.NotFound, "REGION_NOT_FOUND", Klaten, """ "regionId":"ID-99" """);
        yield return Case("PartnershipService.ListPartnerships", Code.PermissionDenied, "OUT_OF_SCOPE", Klaten, """ "facilitatorId":"ID-31" """);
        yield return Case("PartnershipService.GetPartnership", Code.InvalidArgument, null, Klaten, """ "partnershipId":"not an id!" """);
        yield return Case("PartnershipService.GetPartnership", Code.NotFound, "PARTNERSHIP_NOT_FOUND", Admin, """ "partnershipId":"P-404notfound" """);
        yield return Case("PartnershipService.GetPartnership", Code.PermissionDenied, "OUT_OF_SCOPE", Surakarta, """ "partnershipId":"$P" """);
        foreach (var (name, body) in PartnershipMutations)
        {
            var rpc = "PartnershipService." + name;
            yield return Case(rpc, Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","partnershipId":"not an id!", """ + body);
            yield return Case(rpc, Code.NotFound, "PARTNERSHIP_NOT_FOUND", Admin, """ "requestId":"$rid","partnershipId":"P-404notfound", """ + body);
            yield return Case(rpc, Code.PermissionDenied, "OUT_OF_SCOPE", Surakarta, """ "requestId":"$rid","partnershipId":"$P", """ + body);
            yield return Case(rpc, Code.FailedPrecondition, null, Klaten, """ "requestId":"$rid","partnershipId":"$PT", """ + body);
            yield return Case(rpc, Code.Aborted, "VERSION_MISMATCH", Klaten, """ "requestId":"$rid","partnershipId":"$P","expectedVersion":"999", """ + body);
            yield return Case(rpc, Code.InvalidArgument, "REQUEST_ID_REUSED", Klaten, """ "requestId":"$rid","partnershipId":"$P", """ + body, before: ("PartnershipService.RecordMeeting", """{"requestId":"$rid","partnershipId":"$P","meeting":{"date":$YESTERDAY,"mode":"MEETING_MODE_IN_PERSON","summary":"first use of the id"}}"""));
        }

        yield return Case("PartnershipService.RecordMeeting", Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","partnershipId":"$P","meeting":{"date":$YESTERDAY,"summary":"no mode"} """);
        yield return Case("PartnershipService.AttachDocument", Code.NotFound, "NOT_FOUND", Klaten, """ "requestId":"$rid","partnershipId":"$P","document":{"kind":"DOCUMENT_KIND_COOPERATION_PLAN","date":$YESTERDAY,"title":"plan","supersedesDocumentId":"D-none"} """);
        yield return Case("PartnershipService.AdvanceStage", Code.FailedPrecondition, "ILLEGAL_TRANSITION", Klaten, """ "requestId":"$rid","partnershipId":"$P","targetStage":"PARTNERSHIP_STAGE_SIGNED" """);
        yield return Case("PartnershipService.RenewPartnership", Code.FailedPrecondition, "ILLEGAL_TRANSITION", Klaten, """ "requestId":"$rid","partnershipId":"$P","reason":"renewed","document":{"kind":"DOCUMENT_KIND_AGREEMENT","date":$YESTERDAY,"title":"agreement","validity":{"effectiveDate":$YESTERDAY}} """);
        yield return Case("PartnershipService.AddFacilitator", Code.NotFound, "REGION_NOT_FOUND", Klaten, """ "requestId":"$rid","partnershipId":"$P","jurisdictionId":"ID-99","role":"broker" """);
        yield return Case("PartnershipService.AddFacilitator", Code.AlreadyExists, null, Klaten, """ "requestId":"$rid","partnershipId":"$P","jurisdictionId":"ID-35","role":"broker" """);

        // JointProgramService
        const string Program = """ "sector":"SECTOR_TOURISM","title":"Culinary exchange","startDate":$YESTERDAY """;
        yield return Case("JointProgramService.CreateJointProgram", Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","partnershipId":"$P","sector":"SECTOR_TOURISM","startDate":$YESTERDAY """);
        yield return Case("JointProgramService.CreateJointProgram", Code.NotFound, "PARTNERSHIP_NOT_FOUND", Admin, """ "requestId":"$rid","partnershipId":"P-404notfound", """ + Program);
        yield return Case("JointProgramService.CreateJointProgram", Code.FailedPrecondition, "ILLEGAL_TRANSITION", Klaten, """ "requestId":"$rid","partnershipId":"$PT", """ + Program);
        yield return Case("JointProgramService.CreateJointProgram", Code.PermissionDenied, "OUT_OF_SCOPE", Surakarta, """ "requestId":"$rid","partnershipId":"$P", """ + Program);
        yield return Case("JointProgramService.CreateJointProgram", Code.InvalidArgument, "REQUEST_ID_REUSED", Klaten, """ "requestId":"$rid","partnershipId":"$P","sector":"SECTOR_TOURISM","title":"Another title","startDate":$YESTERDAY """, before: ("JointProgramService.CreateJointProgram", """{"requestId":"$rid","partnershipId":"$P", """ + Program + "}"));
        yield return Case("JointProgramService.GetJointProgram", Code.InvalidArgument, null, Klaten, """ "jointProgramId":"not an id!" """);
        yield return Case("JointProgramService.GetJointProgram", Code.NotFound, "JOINT_PROGRAM_NOT_FOUND", Admin, """ "jointProgramId":"JP-404notfound" """);
        yield return Case("JointProgramService.GetJointProgram", Code.PermissionDenied, "OUT_OF_SCOPE", Surakarta, """ "jointProgramId":"$JP" """);
        yield return Case("JointProgramService.ListJointPrograms", Code.InvalidArgument, null, Klaten, """ "pageToken":"not-a-token" """);
        yield return Case("JointProgramService.ListJointPrograms", Code.NotFound, "PARTNERSHIP_NOT_FOUND", Admin, """ "partnershipId":"P-404notfound" """);
        yield return Case("JointProgramService.ListJointPrograms", Code.PermissionDenied, "OUT_OF_SCOPE", Surakarta, """ "partnershipId":"$P" """);
        foreach (var (name, body) in ProgramMutations)
        {
            var rpc = "JointProgramService." + name;
            yield return Case(rpc, Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","jointProgramId":"not an id!", """ + body);
            yield return Case(rpc, Code.NotFound, "JOINT_PROGRAM_NOT_FOUND", Admin, """ "requestId":"$rid","jointProgramId":"JP-404notfound", """ + body);
            yield return Case(rpc, Code.PermissionDenied, "OUT_OF_SCOPE", Surakarta, """ "requestId":"$rid","jointProgramId":"$JP", """ + body);
            yield return Case(rpc, Code.Aborted, "VERSION_MISMATCH", Klaten, """ "requestId":"$rid","jointProgramId":"$JP","expectedVersion":"999", """ + body);
            yield return Case(rpc, Code.InvalidArgument, "REQUEST_ID_REUSED", Klaten, """ "requestId":"$rid","jointProgramId":"$JP", """ + body, before: ("JointProgramService.RecordEvaluation", """{"requestId":"$rid","jointProgramId":"$JP","evaluation":{"evaluator":"first use of the id","date":$YESTERDAY,"findings":"fine"}}"""));
        }

        yield return Case("JointProgramService.UpdateProgress", Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","jointProgramId":"$JP" """);
        yield return Case("JointProgramService.UpdateProgress", Code.NotFound, "NOT_FOUND", Klaten, """ "requestId":"$rid","jointProgramId":"$JP","milestoneCompletions":[{"milestoneId":"no-such-milestone","completedDate":$YESTERDAY}] """);
        yield return Case("JointProgramService.UpdateProgress", Code.FailedPrecondition, "ILLEGAL_TRANSITION", Klaten, """ "requestId":"$rid","jointProgramId":"$JP","status":"JOINT_PROGRAM_STATUS_COMPLETED" """);
        yield return Case("JointProgramService.SubmitReport", Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","jointProgramId":"$JP","report":{"periodStart":$YESTERDAY,"periodEnd":$TOMORROW,"summary":"not over yet"} """);
        yield return Case("JointProgramService.SubmitReport", Code.FailedPrecondition, "ILLEGAL_TRANSITION", Klaten, """ "requestId":"$rid","jointProgramId":"$JPC","report":{"periodStart":$YESTERDAY,"periodEnd":$YESTERDAY,"summary":"weekly"} """);
        yield return Case("JointProgramService.SubmitReport", Code.ResourceExhausted, "LIMIT_EXCEEDED", Klaten, """ "requestId":"$rid","jointProgramId":"$JPFULL","report":{"periodStart":$YESTERDAY,"periodEnd":$YESTERDAY,"summary":"one too many"} """);
        yield return Case("JointProgramService.RecordEvaluation", Code.InvalidArgument, null, Klaten, """ "requestId":"$rid","jointProgramId":"$JP","evaluation":{"evaluator":"UNS","date":$YESTERDAY,"findings":"fine","score":101} """);
        yield return Case("JointProgramService.RecordEvaluation", Code.FailedPrecondition, "ILLEGAL_TRANSITION", Klaten, """ "requestId":"$rid","jointProgramId":"$JPC","evaluation":{"evaluator":"UNS","date":$YESTERDAY,"findings":"fine"} """);
        yield return Case("JointProgramService.RecordEvaluation", Code.ResourceExhausted, "LIMIT_EXCEEDED", Klaten, """ "requestId":"$rid","jointProgramId":"$JPFULL","evaluation":{"evaluator":"UNS","date":$YESTERDAY,"findings":"one too many"} """);

        // FacilitationService: the common errors of every rpc, then each rpc's own.
        foreach (var rpc in new[] { "FacilitationService.WatchAgreements", "FacilitationService.GetDashboardSummary", "FacilitationService.ListOverdue" })
        {
            yield return Case(rpc, Code.InvalidArgument, null, Klaten, """ "scope":"not a scope!" """);
            yield return Case(rpc, Code.NotFound, "REGION_NOT_FOUND", Admin, """ "scope":"ID-99" """);
            yield return Case(rpc, Code.PermissionDenied, "OUT_OF_SCOPE", Klaten, """ "scope":"ID-33" """);
        }

        yield return Case("FacilitationService.WatchAgreements", Code.InvalidArgument, null, Klaten, """ "scope":"ID-33.10","afterCursor":"not-a-cursor" """);
        yield return Case("FacilitationService.GetDashboardSummary", Code.InvalidArgument, null, Klaten, """ "scope":"ID-33.10","expiringWithinDays":-1 """);
        yield return Case("FacilitationService.ListOverdue", Code.InvalidArgument, null, Klaten, """ "scope":"ID-33.10","pageToken":"not-a-token" """);

        // AuditService
        yield return Case("AuditService.ListAuditRecords", Code.PermissionDenied, "ROLE_NOT_ALLOWED", Klaten, string.Empty);
        yield return Case("AuditService.ListAuditRecords", Code.InvalidArgument, null, Auditor, """ "startTime":"2025-02-01T00:00:00Z","endTime":"2025-01-01T00:00:00Z" """);
        yield return Case("AuditService.ListAuditRecords", Code.NotFound, "REGION_NOT_FOUND", Auditor, """ "scope":"ID-99" """);
        yield return Case("AuditService.ListAuditRecords", Code.PermissionDenied, "OUT_OF_SCOPE", Auditor, """ "scope":"CN-350000" """);
    }
}
