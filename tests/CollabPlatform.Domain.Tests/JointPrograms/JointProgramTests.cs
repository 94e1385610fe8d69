using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.JointPrograms;

public sealed class JointProgramTests
{
    private static Decision<JointProgramEvent> Create(CreateJointProgram command, PartnershipStage stage = PartnershipStage.Implementation) =>
        JointProgram.Create(command, stage, TestData.Ctx());

    private static CreateJointProgram Valid => JointProgramBuilder.DefaultCreate();

    public static TheoryData<PartnershipStage> AllStages() => new(Enum.GetValues<PartnershipStage>());

    [Fact]
    public void Create_Valid_RaisesCreatedAndStartsPlanned()
    {
        var builder = new JointProgramBuilder();

        var program = builder.Build();

        var created = Assert.IsType<ProgramCreated>(Assert.Single(builder.Events));
        Assert.Equal("partnership:test", created.PartnershipId);
        Assert.Equal(JointProgramStatus.Planned, program.Status);
        Assert.Equal(Sector.Tourism, program.Sector);
        Assert.Equal(1, program.Version);
        Assert.Single(program.Milestones);
        Assert.Single(program.Indicators);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Create_UnderEachPartnershipStage_IsAllowedFromLetterOfIntentWhileInForce(PartnershipStage stage)
    {
        var allowed = stage is >= PartnershipStage.LetterOfIntent and <= PartnershipStage.Evaluation;

        var decision = Create(Valid, stage);

        if (allowed)
        {
            decision.AssertSingle<JointProgramEvent, ProgramCreated>();
        }
        else
        {
            decision.AssertRejected(RejectionKind.FailedPrecondition, stage.ToString());
        }
    }

    [Fact]
    public void Create_EndingBeforeItStarts_IsRejected()
    {
        Assert.Equal("end_date", Create(Valid with { EndDate = TestData.Date(2024, 12, 31) }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Theory]
    [InlineData(2024, 12, 31)]
    [InlineData(2026, 1, 1)]
    public void Create_MilestoneOutsideTheProgrammeDates_IsRejected(int year, int month, int day)
    {
        var command = Valid with { Milestones = [new Milestone("m-1", "Travel fair", TestData.Date(year, month, day))] };

        var rejection = Create(command).AssertRejected(RejectionKind.InvalidArgument, "outside the programme's dates");

        Assert.Equal("milestones[0].due", rejection.Field);
    }

    [Fact]
    public void Create_MilestoneOnTheLastDay_IsAccepted()
    {
        Create(Valid with { Milestones = [new Milestone("m-1", "Closing", TestData.Date(2025, 12, 31))] }).AssertAccepted();
    }

    [Fact]
    public void Create_OpenEndedProgrammeWithLateMilestone_IsAccepted()
    {
        Create(Valid with { EndDate = null, Milestones = [new Milestone("m-1", "Late", TestData.Date(2030, 1, 1))] }).AssertAccepted();
    }

    [Fact]
    public void Create_RepeatedMilestoneId_IsRejected()
    {
        var command = Valid with { Milestones = [new Milestone("m", "A", TestData.Date(2025, 2, 1)), new Milestone("m", "B", TestData.Date(2025, 3, 1))] };

        Assert.Equal("milestones[1].id", Create(command).AssertRejected(RejectionKind.InvalidArgument, "used twice").Field);
    }

    [Theory]
    [InlineData(-1.0, null, "indicators[0].target")]
    [InlineData(double.NaN, null, "indicators[0].target")]
    [InlineData(double.PositiveInfinity, null, "indicators[0].target")]
    [InlineData(10.0, -0.5, "indicators[0].actual")]
    public void Create_NegativeOrNonFiniteIndicator_IsRejected(double target, double? actual, string field)
    {
        var command = Valid with { Indicators = [new Indicator("i", "Visitors", "persons", target, actual)] };

        Assert.Equal(field, Create(command).AssertRejected(RejectionKind.InvalidArgument, "at least 0").Field);
    }

    [Fact]
    public void Create_ZeroTargetAndActual_IsAccepted()
    {
        Create(Valid with { Indicators = [new Indicator("i", "Incidents", "count", 0, 0)] }).AssertAccepted();
    }

    [Fact]
    public void Create_RepeatedIndicatorId_IsRejected()
    {
        var command = Valid with { Indicators = [new Indicator("i", "A", "u", 1), new Indicator("i", "B", "u", 1)] };

        Assert.Equal("indicators[1].id", Create(command).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Create_IndicatorWithoutUnit_IsRejected()
    {
        Assert.Equal("indicators[0].unit", Create(Valid with { Indicators = [new Indicator("i", "A", "", 1)] }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-3)]
    public void Create_ReportingPeriodOutOfRange_IsRejected(int months)
    {
        Assert.Equal("reporting_period_months", Create(Valid with { ReportingPeriodMonths = months }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Create_WithoutTitle_IsRejected()
    {
        Assert.Equal("title", Create(Valid with { Title = " " }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Create_UndefinedSector_IsRejected()
    {
        Assert.Equal("sector", Create(Valid with { Sector = (Sector)100 }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Create_TooManyMilestones_IsRejected()
    {
        var many = ValueList.From(Enumerable.Range(0, DomainLimits.MaxListItems + 1).Select(i => new Milestone($"m{i}", "M", TestData.Date(2025, 2, 1))));

        Assert.Equal("milestones", Create(Valid with { Milestones = many }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Decide_CreateOnAnExistingProgramme_IsAlreadyExists()
    {
        var program = new JointProgramBuilder().Build();

        program.Decide(Valid, TestData.Ctx()).AssertRejected(RejectionKind.AlreadyExists);
    }

    [Fact]
    public void Decide_UpdateBeforeCreation_IsNotFound()
    {
        new JointProgram().Decide(new UpdateProgress { NewStatus = JointProgramStatus.Active }, TestData.Ctx()).AssertRejected(RejectionKind.NotFound);
    }

    [Fact]
    public void UpdateProgress_CompletionAndActual_UpdateTheProgramme()
    {
        var builder = new JointProgramBuilder().WithStatus(JointProgramStatus.Active);

        builder.Execute(new UpdateProgress
        {
            MilestoneCompletions = [new MilestoneCompletion("m-1", TestData.Date(2025, 6, 28))],
            IndicatorActuals = [new IndicatorActual("i-1", 320)],
            Note = "travel fair held in Klaten",
        });

        var program = builder.Build();
        Assert.Equal(TestData.Date(2025, 6, 28), program.Milestones[0].CompletedOn);
        Assert.Equal(320, program.Indicators[0].Actual);
    }

    [Fact]
    public void UpdateProgress_WithStatus_RaisesOneStatusChangeCarryingTheProgress()
    {
        var builder = new JointProgramBuilder().WithStatus(JointProgramStatus.Active);

        var events = builder.Build().Decide(new UpdateProgress { IndicatorActuals = [new IndicatorActual("i-1", 500)], NewStatus = JointProgramStatus.Completed }, builder.Ctx).AssertAccepted();

        var changed = Assert.IsType<ProgramStatusChanged>(Assert.Single(events));
        Assert.Equal((JointProgramStatus.Active, JointProgramStatus.Completed), (changed.From, changed.To));
        Assert.Equal([new IndicatorActual("i-1", 500)], changed.IndicatorActuals);
        var before = builder.Build().Version;
        var after = builder.Execute(new UpdateProgress { MilestoneCompletions = [new MilestoneCompletion("m-1", TestData.Date(2025, 6, 28))], IndicatorActuals = [new IndicatorActual("i-1", 500)], NewStatus = JointProgramStatus.Completed }).Build();
        Assert.Equal(before + 1, after.Version);
        Assert.Equal(500, after.Indicators[0].Actual);
        Assert.Equal(TestData.Date(2025, 6, 28), after.Milestones[0].CompletedOn);
        Assert.Equal(JointProgramStatus.Completed, after.Status);
    }

    [Fact]
    public void UpdateProgress_Nothing_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        program.Decide(new UpdateProgress(), TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument, "names no milestone");
    }

    [Fact]
    public void UpdateProgress_UnknownMilestone_IsNotFound()
    {
        var program = new JointProgramBuilder().Build();

        var rejection = program.Decide(new UpdateProgress { MilestoneCompletions = [new MilestoneCompletion("m-9", TestData.Date(2025, 6, 1))] }, TestData.Ctx()).AssertRejected(RejectionKind.NotFound, "m-9");

        Assert.Equal("milestone_completions[0].milestone_id", rejection.Field);
    }

    [Fact]
    public void UpdateProgress_CompletionInTheFuture_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        program.Decide(new UpdateProgress { MilestoneCompletions = [new MilestoneCompletion("m-1", TestData.Date(2025, 7, 2))] }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument, "in the future");
    }

    [Fact]
    public void UpdateProgress_UnknownIndicator_IsNotFound()
    {
        var program = new JointProgramBuilder().Build();

        program.Decide(new UpdateProgress { IndicatorActuals = [new IndicatorActual("i-9", 1)] }, TestData.Ctx()).AssertRejected(RejectionKind.NotFound, "i-9");
    }

    [Fact]
    public void UpdateProgress_NegativeActual_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        var rejection = program.Decide(new UpdateProgress { IndicatorActuals = [new IndicatorActual("i-1", -1)] }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("indicator_actuals[0].actual", rejection.Field);
    }

    [Theory]
    [InlineData(JointProgramStatus.Completed)]
    [InlineData(JointProgramStatus.Cancelled)]
    public void UpdateProgress_OnAFinalProgramme_IsRejected(JointProgramStatus status)
    {
        var program = new JointProgramBuilder().WithStatus(status).Build();

        program.Decide(new UpdateProgress { IndicatorActuals = [new IndicatorActual("i-1", 1)] }, TestData.Ctx()).AssertRejected(RejectionKind.FailedPrecondition, status.ToString());
    }

    [Fact]
    public void SubmitReport_ForAnEndedPeriod_IsAddedAndMovesTheDueDateOnByOnePeriod()
    {
        var builder = new JointProgramBuilder();
        Assert.Equal(TestData.Date(2025, 4, 1), builder.Build().NextReportDue);

        builder.Execute(new SubmitReport { ReportId = "r-1", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "first quarter" });

        var program = builder.Build();
        var report = Assert.Single(program.Reports);
        Assert.Equal("official@klatenkab.go.id", report.Author);
        Assert.Equal(TestData.Now, report.SubmittedAt);
        Assert.Equal(TestData.Date(2025, 7, 1), program.NextReportDue);
    }

    [Fact]
    public void SubmitReport_DueDatesFollowTheStartDate_WhateverPeriodTheReportsCover()
    {
        var builder = new JointProgramBuilder(now: new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));

        builder.Execute(new SubmitReport { ReportId = "r-1", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 2, 10), Summary = "short first period" });
        Assert.Equal(TestData.Date(2025, 7, 1), builder.Build().NextReportDue);
        builder.Execute(new SubmitReport { ReportId = "r-2", PeriodStart = TestData.Date(2025, 2, 11), PeriodEnd = TestData.Date(2025, 12, 31), Summary = "the rest of the year" });

        Assert.Equal(TestData.Date(2025, 10, 1), builder.Build().NextReportDue);
    }

    [Fact]
    public void SubmitReport_EndingToday_IsAccepted()
    {
        var program = new JointProgramBuilder().Build();

        program.Decide(new SubmitReport { ReportId = "r", PeriodStart = TestData.Date(2025, 4, 1), PeriodEnd = TestData.Date(2025, 7, 1), Summary = "s", Author = "Dinas Pariwisata" }, TestData.Ctx()).AssertAccepted();
    }

    [Fact]
    public void SubmitReport_EndingInTheFuture_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        var rejection = program.Decide(new SubmitReport { ReportId = "r", PeriodStart = TestData.Date(2025, 4, 1), PeriodEnd = TestData.Date(2025, 7, 2), Summary = "s" }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument, "in the future");

        Assert.Equal("period_end", rejection.Field);
    }

    [Fact]
    public void SubmitReport_EndingBeforeItStarts_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        Assert.Equal("period_end", program.Decide(new SubmitReport { ReportId = "r", PeriodStart = TestData.Date(2025, 4, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "s" }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void SubmitReport_StartingBeforeTheProgramme_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        Assert.Equal("period_start", program.Decide(new SubmitReport { ReportId = "r", PeriodStart = TestData.Date(2024, 12, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "s" }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void SubmitReport_WithoutSummary_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        Assert.Equal("summary", program.Decide(new SubmitReport { ReportId = "r", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "" }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void SubmitReport_SameIdTwice_IsAlreadyExists()
    {
        var report = new SubmitReport { ReportId = "r", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "s" };
        var program = new JointProgramBuilder().Execute(report).Build();

        program.Decide(report, TestData.Ctx()).AssertRejected(RejectionKind.AlreadyExists);
    }

    [Fact]
    public void SubmitReport_OnACancelledProgramme_IsRejected()
    {
        var program = new JointProgramBuilder().WithStatus(JointProgramStatus.Cancelled).Build();

        program.Decide(new SubmitReport { ReportId = "r", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "s" }, TestData.Ctx()).AssertRejected(RejectionKind.FailedPrecondition, "cancelled");
    }

    [Fact]
    public void SubmitReport_OnACompletedProgramme_IsAccepted()
    {
        var program = new JointProgramBuilder().WithStatus(JointProgramStatus.Completed).Build();

        program.Decide(new SubmitReport { ReportId = "final", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 6, 30), Summary = "final report" }, TestData.Ctx()).AssertAccepted();
    }

    [Fact]
    public void RecordEvaluation_Valid_IsAdded()
    {
        var builder = new JointProgramBuilder();

        builder.Execute(new RecordEvaluation { EvaluationId = "e-1", Evaluator = "Universitas Sebelas Maret", Date = TestData.Date(2025, 6, 30), Findings = "on track", Score = 100 });

        Assert.Equal(100, Assert.Single(builder.Build().Evaluations).Score);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void RecordEvaluation_ScoreOutOfRange_IsRejected(double score)
    {
        var program = new JointProgramBuilder().Build();

        Assert.Equal("score", program.Decide(new RecordEvaluation { EvaluationId = "e", Evaluator = "u", Date = TestData.Date(2025, 6, 30), Findings = "f", Score = score }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void RecordEvaluation_InTheFuture_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        Assert.Equal("date", program.Decide(new RecordEvaluation { EvaluationId = "e", Evaluator = "u", Date = TestData.Date(2025, 7, 2), Findings = "f" }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void RecordEvaluation_WithoutFindings_IsRejected()
    {
        var program = new JointProgramBuilder().Build();

        Assert.Equal("findings", program.Decide(new RecordEvaluation { EvaluationId = "e", Evaluator = "u", Date = TestData.Date(2025, 6, 30), Findings = "" }, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void RecordEvaluation_OnACancelledProgramme_IsRejected()
    {
        var program = new JointProgramBuilder().WithStatus(JointProgramStatus.Cancelled).Build();

        program.Decide(new RecordEvaluation { EvaluationId = "e", Evaluator = "u", Date = TestData.Date(2025, 6, 30), Findings = "f" }, TestData.Ctx()).AssertRejected(RejectionKind.FailedPrecondition, "cancelled");
    }

    [Fact]
    public void RecordEvaluation_SameIdTwice_IsAlreadyExists()
    {
        var evaluation = new RecordEvaluation { EvaluationId = "e", Evaluator = "u", Date = TestData.Date(2025, 6, 30), Findings = "f" };
        var program = new JointProgramBuilder().Execute(evaluation).Build();

        program.Decide(evaluation, TestData.Ctx()).AssertRejected(RejectionKind.AlreadyExists);
    }

    [Fact]
    public void FromHistory_ReproducesTheLiveProgramme()
    {
        var builder = new JointProgramBuilder().WithStatus(JointProgramStatus.Active)
            .Execute(new UpdateProgress { MilestoneCompletions = [new MilestoneCompletion("m-1", TestData.Date(2025, 6, 1))], IndicatorActuals = [new IndicatorActual("i-1", 12)] })
            .Execute(new SubmitReport { ReportId = "r", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "s" })
            .Execute(new RecordEvaluation { EvaluationId = "e", Evaluator = "u", Date = TestData.Date(2025, 6, 30), Findings = "f" })
            .At(new DateTimeOffset(2025, 7, 2, 0, 0, 0, TimeSpan.Zero))
            .Execute(new CheckReportingDeadline());
        var live = builder.Build();

        var rebuilt = JointProgram.FromHistory(builder.Events);

        Assert.Equal(live.Version, rebuilt.Version);
        Assert.Equal(live.Status, rebuilt.Status);
        Assert.Equal(live.Milestones, rebuilt.Milestones);
        Assert.Equal(live.Indicators, rebuilt.Indicators);
        Assert.Equal(live.Reports, rebuilt.Reports);
        Assert.Equal(live.Evaluations, rebuilt.Evaluations);
        Assert.Equal(live.LastOverdueDueDate, rebuilt.LastOverdueDueDate);
        Assert.Equal(live.NextReportDue, rebuilt.NextReportDue);
        Assert.Equal(live.NextDeadline, rebuilt.NextDeadline);
        Assert.Equal((live.Id, live.PartnershipId, live.Title, live.Description, live.StartDate, live.EndDate, live.CreatedAt, live.UpdatedAt), (rebuilt.Id, rebuilt.PartnershipId, rebuilt.Title, rebuilt.Description, rebuilt.StartDate, rebuilt.EndDate, rebuilt.CreatedAt, rebuilt.UpdatedAt));
    }
}
