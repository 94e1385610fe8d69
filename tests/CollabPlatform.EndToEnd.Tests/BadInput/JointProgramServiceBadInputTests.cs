using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;
using static CollabPlatform.EndToEnd.Tests.BadInput.BadInputRunner;
using Date = Google.Type.Date;

namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>Generated bad input against every JointProgramService rpc; the target programme's version never moves.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class JointProgramServiceBadInputTests(ApiHostFixture host, ITestOutputHelper output)
{
    /// <summary>The joint-program service allows request ids of at most 64 characters.</summary>
    private static readonly Gen<string> BadRequestId = Gen.OneOf(BadValues.Blank, BadValues.TooLong(64));

    [Fact]
    public async Task CreateJointProgram_GeneratedBadProgrammes_AreClientErrorsAndCreateNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var before = await targets.ProgrammeCountAsync();
        var cases = Cases(
            () => new CreateJointProgramRequest
            {
                RequestId = BadInputTargets.NewRequestId(),
                PartnershipId = targets.Partnership.Id,
                Sector = Sector.Culture,
                Title = "Gamelan workshop",
                StartDate = new Date { Year = 2025, Month = 1, Day = 1 },
                EndDate = new Date { Year = 2025, Month = 12, Day = 31 },
                Milestones = { new Milestone { Title = "first workshop", DueDate = new Date { Year = 2025, Month = 3, Day = 1 } } },
                Indicators = { new Indicator { Name = "participants", Unit = "people", Target = 30 } },
            },
            Set<CreateJointProgramRequest, string>("request_id", BadRequestId, (r, v) => r.RequestId = v),
            Set<CreateJointProgramRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v),
            Fixed<CreateJointProgramRequest>("sector=UNSPECIFIED", r => r.Sector = Sector.Unspecified),
            Set<CreateJointProgramRequest, int>("sector", BadValues.UnknownEnum, (r, v) => r.Sector = (Sector)v),
            Set<CreateJointProgramRequest, string>("title", BadValues.Blank, (r, v) => r.Title = v),
            Set<CreateJointProgramRequest, string>("title", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Title = v),
            Set<CreateJointProgramRequest, string>("description", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Description = v),
            Set<CreateJointProgramRequest, Date>("start_date", BadValues.BadDate, (r, v) => r.StartDate = v),
            Fixed<CreateJointProgramRequest>("start_date=unset", r => r.StartDate = null),
            Fixed<CreateJointProgramRequest>("end_date=before start_date", r => r.EndDate = new Date { Year = 2024, Month = 12, Day = 31 }),
            Set<CreateJointProgramRequest, Date>("end_date", BadValues.BadDate, (r, v) => r.EndDate = v),
            Set<CreateJointProgramRequest, int>("milestones[]", Gen.Int[BadValues.ListLimit + 1, 150], (r, n) => r.Milestones.AddRange(Enumerable.Range(0, n).Select(i => new Milestone { Title = $"m{i}", DueDate = new Date { Year = 2025, Month = 6, Day = 1 } }))),
            Set<CreateJointProgramRequest, string>("milestones[0].title", BadValues.Blank, (r, v) => r.Milestones[0].Title = v),
            Fixed<CreateJointProgramRequest>("milestones[0].due_date=after end_date", r => r.Milestones[0].DueDate = new Date { Year = 2026, Month = 6, Day = 1 }),
            Set<CreateJointProgramRequest, Date>("milestones[0].due_date", BadValues.BadDate, (r, v) => r.Milestones[0].DueDate = v),
            Set<CreateJointProgramRequest, int>("indicators[]", Gen.Int[BadValues.ListLimit + 1, 150], (r, n) => r.Indicators.AddRange(Enumerable.Range(0, n).Select(i => new Indicator { Name = $"i{i}", Unit = "people", Target = 1 }))),
            Set<CreateJointProgramRequest, string>("indicators[0].name", BadValues.Blank, (r, v) => r.Indicators[0].Name = v),
            Set<CreateJointProgramRequest, string>("indicators[0].unit", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Indicators[0].Unit = v),
            Set<CreateJointProgramRequest, double>("indicators[0].target", Gen.OneOf(Gen.Const(-1.0), Gen.Const(double.NaN), Gen.Const(double.NegativeInfinity), Gen.Const(double.PositiveInfinity), Gen.Double[-1e9, -1e-9]), (r, v) => r.Indicators[0].Target = v),
            Set<CreateJointProgramRequest, int>("reporting_period_months", Gen.OneOf(Gen.Int[13, 1000], Gen.Int[int.MinValue, -1]), (r, v) => r.ReportingPeriodMonths = v));

        await RunAsync(host, output, "CreateJointProgram", cases, async r => await targets.Client.JointPrograms.CreateJointProgramAsync(r));

        Assert.Equal(before, await targets.ProgrammeCountAsync());
    }

    [Fact]
    public async Task GetJointProgram_GeneratedBadIds_AreClientErrors()
    {
        var cases = Cases(() => new GetJointProgramRequest(), Set<GetJointProgramRequest, string>("joint_program_id", BadValues.BadJointProgramId, (r, v) => r.JointProgramId = v));

        await RunAsync(host, output, "GetJointProgram", cases, async r => await host.Client.JointPrograms.GetJointProgramAsync(r));
    }

    [Fact]
    public async Task ListJointPrograms_GeneratedBadFiltersAndTokens_AreClientErrors()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var cases = Cases(
            () => new ListJointProgramsRequest { PartnershipId = targets.Partnership.Id },
            Set<ListJointProgramsRequest, string>("page_token", BadValues.BadToken, (r, v) => r.PageToken = v),
            Set<ListJointProgramsRequest, string>("partnership_id", BadValues.BadPartnershipId.Where(s => s.Trim().Length > 0), (r, v) => r.PartnershipId = v),
            Set<ListJointProgramsRequest, int>("sector", BadValues.UnknownEnum, (r, v) => r.Sector = (Sector)v),
            Set<ListJointProgramsRequest, int>("status", BadValues.UnknownEnum, (r, v) => r.Status = (JointProgramStatus)v));

        await RunAsync(host, output, "ListJointPrograms", cases, async r => await targets.Client.JointPrograms.ListJointProgramsAsync(r));
    }

    [Fact]
    public async Task UpdateProgress_GeneratedBadProgress_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var programme = targets.Programme;
        var milestone = Assert.Single(programme.Milestones).Id;
        var indicator = Assert.Single(programme.Indicators).Id;

        // The baseline names no change at all, which is itself invalid; every corruption adds a bad one.
        var cases = Cases(
            () => new UpdateProgressRequest { RequestId = BadInputTargets.NewRequestId(), JointProgramId = programme.Id },
            Set<UpdateProgressRequest, string>("request_id", BadRequestId, (r, v) =>
            {
                r.RequestId = v;
                r.Status = JointProgramStatus.Active;
            }),
            Set<UpdateProgressRequest, string>("joint_program_id", BadValues.BadJointProgramId, (r, v) =>
            {
                r.JointProgramId = v;
                r.Status = JointProgramStatus.Active;
            }),
            Fixed<UpdateProgressRequest>("nothing to change", _ => { }),
            Set<UpdateProgressRequest, string>("milestone_completions[].milestone_id", Gen.OneOf(Gen.Const("M-does-not-exist"), BadValues.TooLong(BadValues.IdLimit)), (r, v) =>
                r.MilestoneCompletions.Add(new MilestoneCompletion { MilestoneId = v, CompletedDate = new Date { Year = 2025, Month = 1, Day = 2 } })),
            Set<UpdateProgressRequest, Date>("milestone_completions[].completed_date", Gen.OneOf(BadValues.BadDate, BadValues.FutureDate), (r, v) =>
                r.MilestoneCompletions.Add(new MilestoneCompletion { MilestoneId = milestone, CompletedDate = v })),
            Fixed<UpdateProgressRequest>("milestone_completions[].completed_date=unset", r => r.MilestoneCompletions.Add(new MilestoneCompletion { MilestoneId = milestone })),
            Set<UpdateProgressRequest, int>("milestone_completions[]", Gen.Int[BadValues.ListLimit + 1, 120], (r, n) =>
                r.MilestoneCompletions.AddRange(Enumerable.Range(0, n).Select(_ => new MilestoneCompletion { MilestoneId = milestone, CompletedDate = new Date { Year = 2025, Month = 1, Day = 2 } }))),
            Set<UpdateProgressRequest, string>("indicator_actuals[].indicator_id", Gen.OneOf(Gen.Const("I-does-not-exist"), BadValues.Blank), (r, v) => r.IndicatorActuals.Add(new IndicatorActual { IndicatorId = v, Actual = 3 })),
            Set<UpdateProgressRequest, double>("indicator_actuals[].actual", Gen.OneOf(Gen.Const(-1.0), Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity), Gen.Double[-1e9, -1e-9]), (r, v) =>
                r.IndicatorActuals.Add(new IndicatorActual { IndicatorId = indicator, Actual = v })),
            Set<UpdateProgressRequest, JointProgramStatus>("status", Gen.OneOf(JointProgramStatus.Completed, JointProgramStatus.Suspended), (r, v) => r.Status = v),
            Set<UpdateProgressRequest, int>("status", BadValues.UnknownEnum, (r, v) => r.Status = (JointProgramStatus)v),
            Set<UpdateProgressRequest, string>("note", BadValues.TooLong(BadValues.TextLimit), (r, v) =>
            {
                r.Note = v;
                r.Status = JointProgramStatus.Active;
            }));

        await RunAsync(host, output, "UpdateProgress", cases, async r => await targets.Client.JointPrograms.UpdateProgressAsync(r));

        Assert.Equal(programme.Version, await targets.ProgrammeVersionAsync());
    }

    [Fact]
    public async Task SubmitReport_GeneratedBadReports_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var programme = targets.Programme;
        var cases = Cases(
            () => new SubmitReportRequest
            {
                RequestId = BadInputTargets.NewRequestId(),
                JointProgramId = programme.Id,
                Report = new ProgressReport { PeriodStart = BadInputTargets.Date(BadInputTargets.ProgrammeStart), PeriodEnd = BadInputTargets.Date(BadInputTargets.ProgrammeStart.AddDays(6)), Summary = "preparations" },
            },
            Set<SubmitReportRequest, string>("request_id", BadRequestId, (r, v) => r.RequestId = v),
            Set<SubmitReportRequest, string>("joint_program_id", BadValues.BadJointProgramId, (r, v) => r.JointProgramId = v),
            Set<SubmitReportRequest, Date>("report.period_start", BadValues.BadDate, (r, v) => r.Report.PeriodStart = v),
            Fixed<SubmitReportRequest>("report.period_start=unset", r => r.Report.PeriodStart = null),
            Set<SubmitReportRequest, Date>("report.period_end", BadValues.BadDate, (r, v) => r.Report.PeriodEnd = v),
            Fixed<SubmitReportRequest>("report.period_end=before period_start", r => r.Report.PeriodEnd = BadInputTargets.Date(BadInputTargets.ProgrammeStart.AddDays(-1))),
            Set<SubmitReportRequest, Date>("report.period_end", BadValues.FutureDate, (r, v) => r.Report.PeriodEnd = v),
            Set<SubmitReportRequest, string>("report.summary", BadValues.Blank, (r, v) => r.Report.Summary = v),
            Set<SubmitReportRequest, string>("report.summary", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Report.Summary = v),
            Set<SubmitReportRequest, string>("report.author", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Report.Author = v),
            Fixed<SubmitReportRequest>("report=unset", r => r.Report = null, removes: true));

        await RunAsync(host, output, "SubmitReport", cases, async r => await targets.Client.JointPrograms.SubmitReportAsync(r));

        Assert.Equal(programme.Version, await targets.ProgrammeVersionAsync());
    }

    [Fact]
    public async Task RecordEvaluation_GeneratedBadEvaluations_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var programme = targets.Programme;
        var cases = Cases(
            () => new RecordEvaluationRequest
            {
                RequestId = BadInputTargets.NewRequestId(),
                JointProgramId = programme.Id,
                Evaluation = new Evaluation { Evaluator = "University review team", Date = new Date { Year = 2024, Month = 9, Day = 1 }, Findings = "on track", Score = 70 },
            },
            Set<RecordEvaluationRequest, string>("request_id", BadRequestId, (r, v) => r.RequestId = v),
            Set<RecordEvaluationRequest, string>("joint_program_id", BadValues.BadJointProgramId, (r, v) => r.JointProgramId = v),
            Set<RecordEvaluationRequest, string>("evaluation.evaluator", BadValues.Blank, (r, v) => r.Evaluation.Evaluator = v),
            Set<RecordEvaluationRequest, string>("evaluation.evaluator", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Evaluation.Evaluator = v),
            Set<RecordEvaluationRequest, Date>("evaluation.date", BadValues.BadDate, (r, v) => r.Evaluation.Date = v),
            Fixed<RecordEvaluationRequest>("evaluation.date=unset", r => r.Evaluation.Date = null),
            Set<RecordEvaluationRequest, string>("evaluation.findings", BadValues.Blank, (r, v) => r.Evaluation.Findings = v),
            Set<RecordEvaluationRequest, string>("evaluation.findings", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Evaluation.Findings = v),
            Set<RecordEvaluationRequest, double>("evaluation.score", Gen.OneOf(Gen.Double[-1e6, -0.001], Gen.Double[100.001, 1e6], Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity)), (r, v) => r.Evaluation.Score = v),
            Fixed<RecordEvaluationRequest>("evaluation=unset", r => r.Evaluation = null, removes: true));

        await RunAsync(host, output, "RecordEvaluation", cases, async r => await targets.Client.JointPrograms.RecordEvaluationAsync(r));

        Assert.Equal(programme.Version, await targets.ProgrammeVersionAsync());
    }
}
