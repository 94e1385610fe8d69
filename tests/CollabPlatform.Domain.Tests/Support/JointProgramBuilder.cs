using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;

namespace CollabPlatform.Domain.Tests.Support;

/// <summary>Drives a joint programme through real commands, failing loudly on any rejection.</summary>
internal sealed class JointProgramBuilder
{
    private readonly List<JointProgramEvent> _events = [];

    public JointProgramBuilder(CreateJointProgram? create = null, PartnershipStage parentStage = PartnershipStage.Implementation, DateTimeOffset? now = null)
    {
        Now = now ?? TestData.Now;
        Record(JointProgram.Create(create ?? DefaultCreate(), parentStage, Ctx));
    }

    public JointProgram Program { get; } = new();

    public IReadOnlyList<JointProgramEvent> Events => _events;

    public DateTimeOffset Now { get; private set; }

    public CommandContext Ctx => TestData.Ctx(Now);

    /// <summary>A quarterly tourism programme from 2025-01-01 to 2025-12-31 with one milestone and one indicator.</summary>
    public static CreateJointProgram DefaultCreate() => new()
    {
        ProgramId = "program:test",
        PartnershipId = "partnership:test",
        Sector = Sector.Tourism,
        Title = "Joint tourism promotion",
        Description = "joint promotion of both regions' destinations",
        StartDate = TestData.Date(2025, 1, 1),
        EndDate = TestData.Date(2025, 12, 31),
        Milestones = [new Milestone("m-1", "Joint travel fair", TestData.Date(2025, 6, 30))],
        Indicators = [new Indicator("i-1", "Visitors from the partner region", "persons", 500)],
        ReportingPeriodMonths = 3,
    };

    public JointProgramBuilder At(DateTimeOffset now)
    {
        Now = now;
        return this;
    }

    public JointProgramBuilder Execute(JointProgramCommand command)
    {
        Record(Program.Decide(command, Ctx));
        return this;
    }

    public JointProgramBuilder WithStatus(JointProgramStatus status)
    {
        var path = status switch
        {
            JointProgramStatus.Planned => [],
            JointProgramStatus.Active => new[] { JointProgramStatus.Active },
            JointProgramStatus.Completed => [JointProgramStatus.Active, JointProgramStatus.Completed],
            JointProgramStatus.Suspended => [JointProgramStatus.Active, JointProgramStatus.Suspended],
            _ => [JointProgramStatus.Cancelled],
        };
        foreach (var next in path)
        {
            Execute(new UpdateProgress { NewStatus = next });
        }

        return this;
    }

    public JointProgram Build() => Program;

    private void Record(Decision<JointProgramEvent> decision)
    {
        if (!decision.IsAccepted)
        {
            throw new InvalidOperationException($"builder command rejected: {decision.Rejection!.Kind}: {decision.Rejection.Reason}");
        }

        foreach (var e in decision.Events)
        {
            Program.Apply(e);
            _events.Add(e);
        }
    }
}
