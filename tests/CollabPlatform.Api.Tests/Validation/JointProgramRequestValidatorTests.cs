using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Tests.Validation;

public sealed class JointProgramRequestValidatorTests
{
    private static CreateJointProgramRequest BatikExchange() => new()
    {
        RequestId = "solo-batik-2022",
        PartnershipId = "P-7QK2M4XW9TZB3HDA",
        Sector = Sector.Culture,
        Title = "Batik and culinary tourism exchange",
        Description = "Workshops for batik MSMEs of Surakarta and Xi'an",
        StartDate = StoryRequests.Date(2022, 1, 1),
        EndDate = StoryRequests.Date(2023, 12, 31),
        Milestones = { new Milestone { Title = "first delegation visit", DueDate = StoryRequests.Date(2022, 6, 30) } },
        Indicators = { new Indicator { Name = "MSMEs trained", Unit = "enterprises", Target = 40 } },
        ReportingPeriodMonths = 3,
    };

    public static TheoryData<string, Action<CreateJointProgramRequest>> CreationMistakes => new()
    {
        { "request_id", r => r.RequestId = new string('r', 65) },
        { "partnership_id", r => r.PartnershipId = "JP-1" },
        { "sector", r => r.Sector = Sector.Unspecified },
        { "title", r => r.Title = string.Empty },
        { "description", r => r.Description = new string('d', 4001) },
        { "start_date", r => r.StartDate = null },
        { "end_date", r => r.EndDate = StoryRequests.Date(2021, 12, 31) },
        { "end_date", r => r.EndDate = StoryRequests.Date(2023, 2, 29) },
        { "milestones[0].title", r => r.Milestones[0].Title = string.Empty },
        { "milestones[0].due_date", r => r.Milestones[0].DueDate = null },
        { "milestones[0].due_date", r => r.Milestones[0].DueDate = StoryRequests.Date(2024, 1, 1) },
        { "milestones[0].due_date", r => r.Milestones[0].DueDate = StoryRequests.Date(2021, 12, 31) },
        { "milestones", r => r.Milestones.AddRange(Enumerable.Range(0, 50).Select(_ => new Milestone { Title = "m", DueDate = StoryRequests.Date(2022, 2, 1) })) },
        { "indicators[0].name", r => r.Indicators[0].Name = " " },
        { "indicators[0].unit", r => r.Indicators[0].Unit = string.Empty },
        { "indicators[0].target", r => r.Indicators[0].Target = -1 },
        { "indicators[0].target", r => r.Indicators[0].Target = double.NaN },
        { "indicators[0].target", r => r.Indicators[0].Target = double.PositiveInfinity },
        { "start_date", r => r.StartDate = StoryRequests.Date(9999, 11, 1) },
        { "end_date", r => r.EndDate = StoryRequests.Date(9999, 12, 31) },
        { "start_date", r => r.StartDate = StoryRequests.Date(1899, 12, 31) },
        { "reporting_period_months", r => r.ReportingPeriodMonths = 13 },
        { "reporting_period_months", r => r.ReportingPeriodMonths = -3 },
    };

    [Fact]
    public void Validate_BatikExchange_HasNoViolations()
    {
        Assert.True(JointProgramRequestValidator.Validate(BatikExchange()).IsValid);
    }

    [Fact]
    public void Validate_OpenEndedProgramWithoutMilestones_IsValid()
    {
        var request = BatikExchange();
        request.EndDate = null;
        request.Milestones[0].DueDate = StoryRequests.Date(2030, 1, 1);
        request.ReportingPeriodMonths = 0;

        Assert.True(JointProgramRequestValidator.Validate(request).IsValid);
    }

    [Theory]
    [MemberData(nameof(CreationMistakes))]
    public void Validate_CreationWithOneMistake_NamesTheField(string field, Action<CreateJointProgramRequest> mistake)
    {
        var request = BatikExchange();
        mistake(request);

        var violations = JointProgramRequestValidator.Validate(request);

        Assert.Contains(field, violations.Fields);
    }

    [Fact]
    public void Validate_ProgressThatChangesNothing_IsRefused()
    {
        var violations = JointProgramRequestValidator.Validate(new UpdateProgressRequest { RequestId = "p", JointProgramId = "JP-1" });

        Assert.Equal(["milestone_completions"], violations.Fields);
    }

    [Fact]
    public void Validate_ProgressWithBadParts_NamesEachPart()
    {
        var request = new UpdateProgressRequest
        {
            RequestId = "p",
            JointProgramId = "P-1",
            ExpectedVersion = -2,
            MilestoneCompletions = { new MilestoneCompletion { MilestoneId = string.Empty }, new MilestoneCompletion { MilestoneId = "M 2", CompletedDate = StoryRequests.Date(2022, 6, 1) } },
            IndicatorActuals = { new IndicatorActual { IndicatorId = "I1", Actual = -5 }, new IndicatorActual { Actual = 1 } },
            Status = (JointProgramStatus)8,
            Note = new string('n', 4001),
        };

        var violations = JointProgramRequestValidator.Validate(request);

        Assert.Equal(
            [
                "joint_program_id", "expected_version", "milestone_completions[0].milestone_id", "milestone_completions[0].completed_date",
                "milestone_completions[1].milestone_id", "indicator_actuals[0].actual", "indicator_actuals[1].indicator_id", "status", "note",
            ],
            violations.Fields);
    }

    [Fact]
    public void Validate_StatusChangeAlone_IsValid()
    {
        Assert.True(JointProgramRequestValidator.Validate(new UpdateProgressRequest { RequestId = "p", JointProgramId = "JP-1", Status = JointProgramStatus.Active }).IsValid);
    }

    [Fact]
    public void Validate_ReportWithoutReport_NamesTheReport()
    {
        Assert.Equal(["report"], JointProgramRequestValidator.Validate(new SubmitReportRequest { RequestId = "r", JointProgramId = "JP-1" }).Fields);
    }

    [Fact]
    public void Validate_ReportWithBackwardsPeriod_NamesPeriodEndSummaryAndAuthor()
    {
        var request = new SubmitReportRequest
        {
            RequestId = "r",
            JointProgramId = "JP-1",
            Report = new ProgressReport { PeriodStart = StoryRequests.Date(2022, 4, 1), PeriodEnd = StoryRequests.Date(2022, 3, 31), Author = new string('a', 201) },
        };

        var violations = JointProgramRequestValidator.Validate(request);

        Assert.Equal(["report.period_end", "report.summary", "report.author"], violations.Fields);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Validate_EvaluationScoreOutOfRange_NamesTheScore(double score)
    {
        var request = new RecordEvaluationRequest
        {
            RequestId = "e",
            JointProgramId = "JP-1",
            Evaluation = new Evaluation { Evaluator = "Universitas Sebelas Maret", Date = StoryRequests.Date(2023, 1, 10), Findings = "on track", Score = score },
        };

        Assert.Equal(["evaluation.score"], JointProgramRequestValidator.Validate(request).Fields);
    }

    [Fact]
    public void Validate_EmptyEvaluation_NamesEveryRequiredField()
    {
        var violations = JointProgramRequestValidator.Validate(new RecordEvaluationRequest { RequestId = "e", JointProgramId = "JP-1", Evaluation = new Evaluation() });

        Assert.Equal(["evaluation.evaluator", "evaluation.date", "evaluation.findings"], violations.Fields);
        Assert.Equal(["evaluation"], JointProgramRequestValidator.Validate(new RecordEvaluationRequest { RequestId = "e", JointProgramId = "JP-1" }).Fields);
    }

    [Fact]
    public void Validate_GetAndList_CheckIdsAndFilters()
    {
        Assert.Equal(["joint_program_id"], JointProgramRequestValidator.Validate(new GetJointProgramRequest { JointProgramId = "JP-" }).Fields);
        Assert.Equal(
            ["page_size", "partnership_id", "sector", "status"],
            JointProgramRequestValidator.Validate(new ListJointProgramsRequest { PageSize = -5, PartnershipId = "Klaten", Sector = (Sector)77, Status = (JointProgramStatus)77 }).Fields);
        Assert.True(JointProgramRequestValidator.Validate(new ListJointProgramsRequest()).IsValid);
    }
}
