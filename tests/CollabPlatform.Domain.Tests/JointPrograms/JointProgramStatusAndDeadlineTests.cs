using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.JointPrograms;

public sealed class JointProgramStatusAndDeadlineTests
{
    private static readonly HashSet<(JointProgramStatus, JointProgramStatus)> Legal =
    [
        (JointProgramStatus.Planned, JointProgramStatus.Active),
        (JointProgramStatus.Planned, JointProgramStatus.Cancelled),
        (JointProgramStatus.Active, JointProgramStatus.Completed),
        (JointProgramStatus.Active, JointProgramStatus.Suspended),
        (JointProgramStatus.Active, JointProgramStatus.Cancelled),
        (JointProgramStatus.Suspended, JointProgramStatus.Active),
        (JointProgramStatus.Suspended, JointProgramStatus.Cancelled),
    ];

    public static TheoryData<JointProgramStatus, JointProgramStatus> AllPairs()
    {
        var data = new TheoryData<JointProgramStatus, JointProgramStatus>();
        foreach (var from in Enum.GetValues<JointProgramStatus>())
        {
            foreach (var to in Enum.GetValues<JointProgramStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void UpdateProgress_EveryStatusPair_OnlyLegalChangesAreAccepted(JointProgramStatus from, JointProgramStatus to)
    {
        var builder = new JointProgramBuilder().WithStatus(from);

        var decision = builder.Build().Decide(new UpdateProgress { NewStatus = to }, builder.Ctx);

        if (Legal.Contains((from, to)))
        {
            var changed = decision.AssertSingle<JointProgramEvent, ProgramStatusChanged>();
            Assert.Equal((from, to), (changed.From, changed.To));
        }
        else
        {
            decision.AssertRejected(RejectionKind.FailedPrecondition);
        }
    }

    [Fact]
    public void ProgramStatusMachine_AllowedTargets_MatchTheLegalChanges()
    {
        var allowed = Enum.GetValues<JointProgramStatus>().SelectMany(from => ProgramStatusMachine.AllowedTargets(from).Select(to => (from, to)));

        Assert.Equal(Legal.OrderBy(p => p), allowed.OrderBy(p => p));
    }

    [Fact]
    public void UpdateProgress_FromCompleted_SaysItIsFinal()
    {
        var builder = new JointProgramBuilder().WithStatus(JointProgramStatus.Completed);

        builder.Build().Decide(new UpdateProgress { NewStatus = JointProgramStatus.Active }, builder.Ctx).AssertRejected(RejectionKind.FailedPrecondition, "Completed");
    }

    [Fact]
    public void UpdateProgress_PlannedToCompleted_ExplainsThePlannedPath()
    {
        var builder = new JointProgramBuilder();

        builder.Build().Decide(new UpdateProgress { NewStatus = JointProgramStatus.Completed }, builder.Ctx).AssertRejected(RejectionKind.FailedPrecondition, "becomes Active or is Cancelled");
    }

    [Fact]
    public void UpdateProgress_UndefinedStatus_IsRejected()
    {
        var builder = new JointProgramBuilder();

        Assert.Equal("new_status", builder.Build().Decide(new UpdateProgress { NewStatus = (JointProgramStatus)9 }, builder.Ctx).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void CheckReportingDeadline_OnTheDueDay_DoesNothing()
    {
        var builder = new JointProgramBuilder(now: new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var dueDayEnd = new DateTimeOffset(2025, 4, 1, 23, 59, 59, TimeSpan.Zero);

        Assert.Empty(builder.Build().Decide(new CheckReportingDeadline(), TestData.Ctx(dueDayEnd)).AssertAccepted());
        Assert.Equal(new DateTimeOffset(2025, 4, 2, 0, 0, 0, TimeSpan.Zero), builder.Build().NextDeadline);
    }

    [Fact]
    public void CheckReportingDeadline_AfterTheDueDay_RaisesOverdueOnce()
    {
        var builder = new JointProgramBuilder(now: new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero));

        builder.At(new DateTimeOffset(2025, 4, 2, 0, 0, 0, TimeSpan.Zero)).Execute(new CheckReportingDeadline());

        var overdue = Assert.IsType<ReportOverdue>(builder.Events[^1]);
        Assert.Equal(TestData.Date(2025, 4, 1), overdue.DueDate);
        Assert.Null(builder.Build().NextDeadline);
        Assert.Empty(builder.Build().Decide(new CheckReportingDeadline(), TestData.Ctx(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero))).AssertAccepted());
    }

    [Fact]
    public void CheckReportingDeadline_AfterACoveringReport_WaitsForTheNextPeriod()
    {
        var builder = new JointProgramBuilder(now: new DateTimeOffset(2025, 4, 1, 6, 0, 0, TimeSpan.Zero))
            .Execute(new SubmitReport { ReportId = "q1", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "first quarter" });

        var decision = builder.Build().Decide(new CheckReportingDeadline(), TestData.Ctx(new DateTimeOffset(2025, 4, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Empty(decision.AssertAccepted());
        Assert.Equal(TestData.Date(2025, 7, 1), builder.Build().NextReportDue);
        Assert.Equal(new DateTimeOffset(2025, 7, 2, 0, 0, 0, TimeSpan.Zero), builder.Build().NextDeadline);
    }

    [Fact]
    public void CheckReportingDeadline_OverdueThenReported_CanBeOverdueAgainForTheNextDueDate()
    {
        var builder = new JointProgramBuilder(now: new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero))
            .At(new DateTimeOffset(2025, 4, 5, 0, 0, 0, TimeSpan.Zero)).Execute(new CheckReportingDeadline())
            .Execute(new SubmitReport { ReportId = "q1", PeriodStart = TestData.Date(2025, 1, 1), PeriodEnd = TestData.Date(2025, 3, 31), Summary = "late" });

        builder.At(new DateTimeOffset(2025, 7, 2, 0, 0, 0, TimeSpan.Zero)).Execute(new CheckReportingDeadline());

        Assert.Equal([TestData.Date(2025, 4, 1), TestData.Date(2025, 7, 1)], builder.Events.OfType<ReportOverdue>().Select(o => o.DueDate));
    }

    [Theory]
    [InlineData(JointProgramStatus.Completed)]
    [InlineData(JointProgramStatus.Cancelled)]
    public void CheckReportingDeadline_OnAFinalProgramme_DoesNothing(JointProgramStatus status)
    {
        var builder = new JointProgramBuilder(now: new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero)).WithStatus(status);

        Assert.Null(builder.Build().NextDeadline);
        Assert.Empty(builder.Build().Decide(new CheckReportingDeadline(), TestData.Ctx(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))).AssertAccepted());
    }
}
