using CollabPlatform.Api.Identity;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.Integration.Tests.Api;

/// <summary>
/// Every rpc of collab.v1, called over the socket by every kind of caller: without a token, with an
/// expired one, one signed by another key, one for another audience, and each role from a
/// jurisdiction inside and outside the target's. Each cell states the exact answer, and every call
/// that is not accepted is checked to have changed nothing (ledger, audit log, the target
/// partnership, programme and region profile). Mutations that pass authorization are sent with an
/// <c>expected_version</c> that cannot match, so that they too answer exactly (ABORTED) and change
/// nothing; only proposals and new programmes are accepted outright.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class AccessMatrixTests(ApiHostFixture fixture, ITestOutputHelper output)
{
    // The target: Kota Yogyakarta (ID-34.71, under DIY ID-34) and Kyoto (JP-261009); no other test uses them.
    private const string Region = "ID-34.71";
    private const string Province = "ID-34";
    private const string Foreign = "JP-261009";
    private const long Stale = 999;

    private const string Ok = "OK";
    private const string Aborted = "ABORTED";
    private const string OutOfScope = "PERMISSION_DENIED/OUT_OF_SCOPE";
    private const string RoleDenied = "PERMISSION_DENIED/ROLE_NOT_ALLOWED";
    private const string Unauthenticated = "UNAUTHENTICATED/UNAUTHENTICATED";

    private static readonly (string Name, Principal Who)[] Callers =
    [
        ("official inside", TestTokens.Official(Region)),
        ("official outside", TestTokens.Official("ID-36.71")),
        ("facilitator inside", TestTokens.Facilitator(Province)),
        ("facilitator outside", TestTokens.Facilitator("ID-32")),
        ("ministry inside", TestTokens.Ministry("ID")),
        ("ministry outside", TestTokens.Ministry("CN")),
        ("auditor inside", TestTokens.Auditor(Province)),
        ("auditor outside", TestTokens.Auditor("ID-32")),
        ("admin", TestTokens.Admin),
    ];

    private static readonly (string Name, Func<string?> Token)[] BrokenTokens =
    [
        ("no token", () => null),
        ("expired", () => TestTokens.Expired(TestTokens.Official(Region))),
        ("wrong signature", () => TestTokens.WrongSignature(TestTokens.Official(Region))),
        ("wrong audience", () => TestTokens.WrongAudience(TestTokens.Official(Region))),
    ];

    [Fact]
    public async Task EveryRpc_EveryCaller_AnswersExactlyAndRefusalsChangeNothing()
    {
        await using var database = NpgsqlDataSource.Create(fixture.ConnectionString);
        var target = await Target.CreateAsync(fixture, database);
        var rows = Rows(target);
        var failures = new List<string>();
        var calls = 0;
        var started = DateTime.UtcNow;

        // Every rpc of every collab.v1 service has a row, so a new rpc cannot slip past the matrix.
        var covered = rows.Select(r => r.Method).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(MethodAccess.Table.Keys.Where(m => !covered.Contains(m)));

        foreach (var row in rows)
        {
            foreach (var (name, token) in BrokenTokens)
            {
                failures.AddRange(await CheckAsync(row, name, null, token(), Unauthenticated, target));
                calls++;
            }

            for (var i = 0; i < Callers.Length; i++)
            {
                failures.AddRange(await CheckAsync(row, Callers[i].Name, Callers[i].Who, TestTokens.For(Callers[i].Who), row.Expected[i], target));
                calls++;
            }
        }

        output.WriteLine($"{calls} calls ({rows.Count} rpcs x {BrokenTokens.Length + Callers.Length} callers) in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<IEnumerable<string>> CheckAsync(Row row, string caller, Principal? who, string? token, string expected, Target target)
    {
        var before = await target.SnapshotAsync();
        var (answer, detail) = await CallAsync(row, ApiRequests.WithToken(token), who);
        var problems = new List<string>();
        if (answer != expected)
        {
            problems.Add($"{row.Name} as {caller}: expected {expected}, got {answer} ({detail})");
        }

        if (answer != Ok)
        {
            var after = await target.SnapshotAsync();
            if (after != before)
            {
                problems.Add($"{row.Name} as {caller}: answered {answer} but changed {before} to {after}");
            }
        }

        return problems;
    }

    private static async Task<(string Answer, string Detail)> CallAsync(Row row, CallOptions options, Principal? who)
    {
        try
        {
            await row.Call(options, who);
            return (Ok, string.Empty);
        }
        catch (RpcException ex)
        {
            var reason = ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
            var code = ex.StatusCode switch
            {
                StatusCode.PermissionDenied => "PERMISSION_DENIED",
                StatusCode.Unauthenticated => "UNAUTHENTICATED",
                StatusCode.Aborted => "ABORTED",
                _ => ex.StatusCode.ToString(),
            };
            return (code is "PERMISSION_DENIED" or "UNAUTHENTICATED" ? $"{code}/{reason}" : code, ex.Status.Detail);
        }
    }

    /// <summary>
    /// The rows: each rpc with a request aimed at the target, and the answer expected from each of
    /// <see cref="Callers"/> in order.
    /// </summary>
    private List<Row> Rows(Target t)
    {
        var regions = new RegionService.RegionServiceClient(fixture.RawChannel);
        var partnerships = new PartnershipService.PartnershipServiceClient(fixture.RawChannel);
        var programs = new JointProgramService.JointProgramServiceClient(fixture.RawChannel);
        var facilitation = new FacilitationService.FacilitationServiceClient(fixture.RawChannel);
        var audit = new AuditService.AuditServiceClient(fixture.RawChannel);
        string Id() => ApiRequests.NewRequestId();

        //                          official  in / out,   facilitator in / out, ministry in / out,   auditor in / out,      admin
        string[] everyone = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok];
        string[] readers = [Ok, OutOfScope, Ok, OutOfScope, Ok, OutOfScope, RoleDenied, RoleDenied, Ok];
        // A filter on a jurisdiction of the caller's own country that neither holds nor lies under the caller's is refused.
        string[] listers = [Ok, OutOfScope, Ok, OutOfScope, Ok, Ok, RoleDenied, RoleDenied, Ok];
        string[] partyChange = [Aborted, OutOfScope, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, Aborted];
        string[] partyCreate = [Ok, OutOfScope, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, Ok];
        string[] documentOrStage = [Aborted, OutOfScope, RoleDenied, RoleDenied, RoleDenied, OutOfScope, RoleDenied, RoleDenied, Aborted];
        string[] centralApproval = [RoleDenied, OutOfScope, RoleDenied, RoleDenied, Aborted, OutOfScope, RoleDenied, RoleDenied, RoleDenied];
        string[] auditors = [RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, Ok, OutOfScope, Ok];

        var minutes = new Document { Kind = DocumentKind.MinutesOfMeeting, Date = ApiRequests.Date(2025, 5, 1), Title = "Minutes of the matrix meeting" };
        var approval = new Document { Kind = DocumentKind.CentralApproval, Date = ApiRequests.Date(2025, 5, 2), Title = "Central-government approval" };
        return
        [
            new("GetRegion", "RegionService", everyone, async (o, who) => await regions.GetRegionAsync(new GetRegionRequest { RegionId = Region }, o)),
            new("SearchRegions", "RegionService", everyone, async (o, who) => await regions.SearchRegionsAsync(new SearchRegionsRequest { Query = "Yogyakarta" }, o)),
            new("ListChildRegions", "RegionService", everyone, async (o, who) => await regions.ListChildRegionsAsync(new ListChildRegionsRequest { ParentId = Province }, o)),
            new("UpdateRegionProfile", "RegionService", [Aborted, OutOfScope, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, Aborted], async (o, who) => await regions.UpdateRegionProfileAsync(
                new UpdateRegionProfileRequest { RequestId = Id(), RegionId = Region, ExpectedVersion = Stale, Profile = new RegionProfile { Strengths = { "batik" } } }, o)),
            new("RecordHeadChange", "RegionService", [Aborted, OutOfScope, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, RoleDenied, Aborted], async (o, who) => await regions.RecordHeadChangeAsync(
                new RecordHeadChangeRequest { RequestId = Id(), RegionId = Region, ExpectedVersion = Stale, NewHead = new RegionHead { Name = "Hasto Wardoyo", Title = "Wali Kota Yogyakarta", TermStart = ApiRequests.Date(2025, 2, 20) } }, o)),

            new("ProposePartnership", "PartnershipService", partyCreate, async (o, who) => await partnerships.ProposePartnershipAsync(Target.Proposal(Id()), o)),
            new("GetPartnership", "PartnershipService", readers, async (o, who) => await partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = t.PartnershipId }, o)),
            new("ListPartnerships", "PartnershipService", listers, async (o, who) =>
            {
                // What a list answers is filtered: the target is listed exactly to those who see it.
                var listed = (await partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { RegionId = Region, PageSize = 200 }, o)).Partnerships.Any(p => p.Id == t.PartnershipId);
                var sees = who is not null && AccessPolicy.Sees(who, t.Jurisdictions);
                Assert.True(listed == sees, $"ListPartnerships listed the target: {listed}; the caller sees it: {sees}");
            }),
            new("RecordMeeting", "PartnershipService", partyChange, async (o, who) => await partnerships.RecordMeetingAsync(
                new RecordMeetingRequest { RequestId = Id(), PartnershipId = t.PartnershipId, ExpectedVersion = Stale, Meeting = new Meeting { Date = ApiRequests.Date(2025, 5, 1), Mode = MeetingMode.Virtual, Outcome = "talks" } }, o)),
            new("AttachDocument", "PartnershipService", documentOrStage, async (o, who) => await partnerships.AttachDocumentAsync(
                new AttachDocumentRequest { RequestId = Id(), PartnershipId = t.PartnershipId, ExpectedVersion = Stale, Document = minutes }, o)),
            new("AttachDocument (central approval)", "PartnershipService", centralApproval, async (o, who) => await partnerships.AttachDocumentAsync(
                new AttachDocumentRequest { RequestId = Id(), PartnershipId = t.PartnershipId, ExpectedVersion = Stale, Document = approval }, o), "AttachDocument"),
            new("AdvanceStage", "PartnershipService", documentOrStage, async (o, who) => await partnerships.AdvanceStageAsync(
                new AdvanceStageRequest { RequestId = Id(), PartnershipId = t.PartnershipId, ExpectedVersion = Stale, TargetStage = PartnershipStage.CooperationPlan }, o)),
            new("AdvanceStage (into central review)", "PartnershipService", centralApproval, async (o, who) => await partnerships.AdvanceStageAsync(
                new AdvanceStageRequest { RequestId = Id(), PartnershipId = t.PartnershipId, ExpectedVersion = Stale, TargetStage = PartnershipStage.CentralReview }, o), "AdvanceStage"),
            new("RenewPartnership", "PartnershipService", partyChange, async (o, who) => await partnerships.RenewPartnershipAsync(
                new RenewPartnershipRequest
                {
                    RequestId = Id(),
                    PartnershipId = t.PartnershipId,
                    ExpectedVersion = Stale,
                    Reason = "renewed",
                    Document = new Document { Kind = DocumentKind.LetterOfIntent, Date = ApiRequests.Date(2025, 5, 1), Title = "Renewed letter", Validity = new ValidityWindow { EffectiveDate = ApiRequests.Date(2025, 5, 1) } },
                }, o)),
            new("TerminatePartnership", "PartnershipService", partyChange, async (o, who) => await partnerships.TerminatePartnershipAsync(
                new TerminatePartnershipRequest { RequestId = Id(), PartnershipId = t.PartnershipId, ExpectedVersion = Stale, Reason = "ended", EffectiveDate = ApiRequests.Date(2025, 5, 1) }, o)),
            new("UpdatePrioritySectors", "PartnershipService", partyChange, async (o, who) => await partnerships.UpdatePrioritySectorsAsync(
                new UpdatePrioritySectorsRequest { RequestId = Id(), PartnershipId = t.PartnershipId, ExpectedVersion = Stale, PrioritySectors = { Sector.Culture } }, o)),
            new("AddFacilitator", "PartnershipService", partyChange, async (o, who) => await partnerships.AddFacilitatorAsync(
                new AddFacilitatorRequest { RequestId = Id(), PartnershipId = t.PartnershipId, ExpectedVersion = Stale, JurisdictionId = "ID-33", Role = "broker" }, o)),

            new("CreateJointProgram", "JointProgramService", partyCreate, async (o, who) => await programs.CreateJointProgramAsync(Target.Programme(Id(), t.PartnershipId), o)),
            new("GetJointProgram", "JointProgramService", readers, async (o, who) => await programs.GetJointProgramAsync(new GetJointProgramRequest { JointProgramId = t.ProgrammeId }, o)),
            new("ListJointPrograms", "JointProgramService", readers, async (o, who) => await programs.ListJointProgramsAsync(new ListJointProgramsRequest { PartnershipId = t.PartnershipId }, o)),
            new("UpdateProgress", "JointProgramService", partyChange, async (o, who) => await programs.UpdateProgressAsync(
                new UpdateProgressRequest { RequestId = Id(), JointProgramId = t.ProgrammeId, ExpectedVersion = Stale, Status = JointProgramStatus.Active }, o)),
            new("SubmitReport", "JointProgramService", partyChange, async (o, who) => await programs.SubmitReportAsync(
                new SubmitReportRequest { RequestId = Id(), JointProgramId = t.ProgrammeId, ExpectedVersion = Stale, Report = new ProgressReport { PeriodStart = ApiRequests.Date(2025, 1, 1), PeriodEnd = ApiRequests.Date(2025, 3, 31), Summary = "first quarter" } }, o)),
            new("RecordEvaluation", "JointProgramService", partyChange, async (o, who) => await programs.RecordEvaluationAsync(
                new RecordEvaluationRequest { RequestId = Id(), JointProgramId = t.ProgrammeId, ExpectedVersion = Stale, Evaluation = new Evaluation { Date = ApiRequests.Date(2025, 4, 1), Evaluator = "Universitas Gadjah Mada", Findings = "on track" } }, o)),

            new("WatchAgreements", "FacilitationService", readers, async (o, who) =>
            {
                using var call = facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = Region }, o.WithDeadline(DateTime.UtcNow.AddSeconds(20)));
                Assert.True(await call.ResponseStream.MoveNext(), "the feed ended before its first event");
                Assert.Equal(t.PartnershipId, call.ResponseStream.Current.Event.PartnershipId);
            }),
            new("GetDashboardSummary", "FacilitationService", readers, async (o, who) => await facilitation.GetDashboardSummaryAsync(new GetDashboardSummaryRequest { Scope = Region }, o)),
            new("ListOverdue", "FacilitationService", readers, async (o, who) => await facilitation.ListOverdueAsync(new ListOverdueRequest { Scope = Region }, o)),

            new("ListAuditRecords", "AuditService", auditors, async (o, who) =>
            {
                var records = (await audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { Scope = Region, PartnershipId = t.PartnershipId, PageSize = 200 }, o)).Records;
                Assert.Equal(["ProposePartnership", "AttachDocument", "AdvanceStage", "CreateJointProgram"], records.Select(r => r.Operation).Take(4));
            }),
        ];
    }

    /// <summary>One rpc with one request, and the answer each caller must get.</summary>
    private sealed record Row(string Name, string Service, string[] Expected, Func<CallOptions, Principal?, Task> Call, string? Rpc = null)
    {
        public string Method => $"/collab.v1.{Service}/{Rpc ?? Name}";
    }

    /// <summary>The partnership (at LetterOfIntent) and programme every row aims at, and a way to tell that nothing changed.</summary>
    private sealed record Target(ApiHostFixture Fixture, NpgsqlDataSource Database, string PartnershipId, string ProgrammeId, IReadOnlyList<string> Jurisdictions)
    {
        public static async Task<Target> CreateAsync(ApiHostFixture fixture, NpgsqlDataSource database)
        {
            var official = ApiRequests.AsOfficial(Region);
            var partnerships = new PartnershipService.PartnershipServiceClient(fixture.Channel);
            var id = (await partnerships.ProposePartnershipAsync(Proposal(ApiRequests.NewRequestId()), official)).Partnership.Id;
            await partnerships.AttachDocumentAsync(
                new AttachDocumentRequest { RequestId = ApiRequests.NewRequestId(), PartnershipId = id, Document = ApiRequests.LetterOfIntent(ApiRequests.Date(2025, 3, 1)) },
                official);
            await partnerships.AdvanceStageAsync(new AdvanceStageRequest { RequestId = ApiRequests.NewRequestId(), PartnershipId = id, TargetStage = PartnershipStage.LetterOfIntent }, official);
            var programme = await new JointProgramService.JointProgramServiceClient(fixture.Channel).CreateJointProgramAsync(Programme(ApiRequests.NewRequestId(), id), official);
            return new Target(fixture, database, id, programme.JointProgram.Id, [Region, Province, Foreign, "JP-26", "MINISTRY-ID", "MINISTRY-JP"]);
        }

        public static ProposePartnershipRequest Proposal(string requestId) => new()
        {
            RequestId = requestId,
            Kind = PartnershipKind.SisterCity,
            Title = "Yogyakarta – Kyoto sister city",
            LocalRegionId = Region,
            Counterpart = new Counterpart { ForeignRegionId = Foreign },
            PrioritySectors = { Sector.Culture, Sector.Education },
            InitialStage = PartnershipStage.Exploration,
        };

        // Started recently, with its first report due in a year: no deadline timer changes it while the test runs.
        public static CreateJointProgramRequest Programme(string requestId, string partnershipId)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return new()
            {
                RequestId = requestId,
                PartnershipId = partnershipId,
                Sector = Sector.Culture,
                Title = "Batik and Nishijin textile exchange",
                StartDate = Date(today.AddDays(-10)),
                EndDate = Date(today.AddDays(400)),
                ReportingPeriodMonths = 12,
            };
        }

        private static Google.Type.Date Date(DateOnly day) => ApiRequests.Date(day.Year, day.Month, day.Day);

        /// <summary>Counts of ledger and audit rows, and the versions of the target partnership, programme and region profile.</summary>
        public async Task<string> SnapshotAsync()
        {
            await using var command = Database.CreateCommand(
                "SELECT (SELECT count(*) FROM collab_ledger), (SELECT count(*) FROM collab_audit), (SELECT version FROM collab_partnerships WHERE partnership_id = $1), (SELECT version FROM collab_programs WHERE program_id = $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = PartnershipId });
            command.Parameters.Add(new NpgsqlParameter { Value = ProgrammeId });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var region = await new RegionService.RegionServiceClient(Fixture.Channel).GetRegionAsync(new GetRegionRequest { RegionId = Region });
            return $"ledger={reader.GetInt64(0)} audit={reader.GetInt64(1)} partnership=v{reader.GetInt64(2)} programme=v{reader.GetInt64(3)} region=v{region.Region.Version}";
        }
    }
}
