using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;

namespace CollabPlatform.Domain.JointPrograms;

/// <summary>
/// A joint programme carried out under one partnership: sector, milestones, indicators, reports and
/// evaluations. Same shape as <see cref="Partnership"/>: pure decisions, state through <see cref="Apply"/>.
/// </summary>
public sealed partial class JointProgram
{
    private readonly List<Milestone> _milestones = [];
    private readonly List<Indicator> _indicators = [];
    private readonly List<ProgressReport> _reports = [];
    private readonly List<Evaluation> _evaluations = [];

    public bool Exists { get; private set; }

    public string Id { get; private set; } = string.Empty;

    public string PartnershipId { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public Sector Sector { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public JointProgramStatus Status { get; private set; }

    public int ReportingPeriodMonths { get; private set; }

    public IReadOnlyList<Milestone> Milestones => _milestones;

    public IReadOnlyList<Indicator> Indicators => _indicators;

    public IReadOnlyList<ProgressReport> Reports => _reports;

    public IReadOnlyList<Evaluation> Evaluations => _evaluations;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The due date for which <see cref="ReportOverdue"/> was last raised.</summary>
    public DateOnly? LastOverdueDueDate { get; private set; }

    /// <summary>True for Completed and Cancelled, which nothing leaves.</summary>
    public bool IsFinal => Status is JointProgramStatus.Completed or JointProgramStatus.Cancelled;

    /// <summary>
    /// When the next report is due: one reporting period after the start date, moved on by one
    /// period for every submitted report, whatever period that report covers. Counted from the start
    /// date rather than chained, so that month ends do not drift (Jan 31, Feb 28, Mar 31...).
    /// </summary>
    public DateOnly NextReportDue => StartDate.AddMonths(Math.Max(ReportingPeriodMonths, 1) * (_reports.Count + 1));

    /// <summary>
    /// When the timer must next send <see cref="CheckReportingDeadline"/>: the end (UTC) of the due
    /// day, unless the programme is final or that due date was already reported overdue.
    /// </summary>
    public DateTimeOffset? NextDeadline =>
        Exists && !IsFinal && LastOverdueDueDate != NextReportDue ? DateInstants.EndOfDayUtc(NextReportDue) : null;

    public static JointProgram FromHistory(IEnumerable<JointProgramEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var program = new JointProgram();
        foreach (var e in events)
        {
            program.Apply(e);
        }

        return program;
    }

    /// <summary>
    /// Decides the creation of a programme under a partnership at <paramref name="parentStage"/>.
    /// Programmes may run from the letter of intent on: Solo's programmes with Xi'an and Zhuhai ran
    /// on letters of intent while the MoU was pending (docs/domain.md §stages).
    /// </summary>
    public static Decision<JointProgramEvent> Create(CreateJointProgram cmd, PartnershipStage parentStage, CommandContext ctx)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(ctx);

        var rejection = CheckActor(ctx)
            ?? Check.Id(cmd.ProgramId, "program_id", "the programme id")
            ?? Check.Id(cmd.PartnershipId, "partnership_id", "the partnership id")
            ?? CheckParentStage(cmd.PartnershipId, parentStage)
            ?? Check.Defined(cmd.Sector, "sector", "the sector")
            ?? Check.Required(cmd.Title, "title", "the title")
            ?? Check.Optional(cmd.Description, "description", "the description", DomainLimits.MaxTextLength)
            ?? Check.Set(cmd.StartDate, "start_date", "the start date")
            ?? CheckEndDate(cmd.StartDate, cmd.EndDate)
            ?? CheckReportingPeriod(cmd.ReportingPeriodMonths)
            ?? CheckMilestones(cmd.Milestones, cmd.StartDate, cmd.EndDate, ctx)
            ?? CheckIndicators(cmd.Indicators);
        if (rejection is not null)
        {
            return Decision<JointProgramEvent>.Reject(rejection);
        }

        return Decision<JointProgramEvent>.Accept(new ProgramCreated
        {
            ProgramId = cmd.ProgramId,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            PartnershipId = cmd.PartnershipId,
            Sector = cmd.Sector,
            Title = cmd.Title.Trim(),
            Description = cmd.Description,
            StartDate = cmd.StartDate,
            EndDate = cmd.EndDate,
            Milestones = ValueList.From(cmd.Milestones),
            Indicators = ValueList.From(cmd.Indicators),
            ReportingPeriodMonths = cmd.ReportingPeriodMonths,
        });
    }

    public Decision<JointProgramEvent> Decide(JointProgramCommand cmd, CommandContext ctx)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(ctx);

        if (cmd is CreateJointProgram)
        {
            return Decision<JointProgramEvent>.Reject(Exists
                ? Rejection.Exists($"joint programme {Id} already exists (\"{Title}\")", "program_id")
                : Rejection.Precondition("a joint programme is created with JointProgram.Create, which checks the partnership's stage"));
        }

        if (!Exists)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.NotFound("the joint programme does not exist; create it first"));
        }

        if (CheckActor(ctx) is { } actorRejection)
        {
            return Decision<JointProgramEvent>.Reject(actorRejection);
        }

        return cmd switch
        {
            UpdateProgress c => DecideProgress(c, ctx),
            SubmitReport c => DecideReport(c, ctx),
            RecordEvaluation c => DecideEvaluation(c, ctx),
            CheckReportingDeadline => DecideDeadline(ctx),
            _ => throw new ArgumentException($"unknown joint programme command {cmd.GetType().Name}", nameof(cmd)),
        };
    }

    /// <summary>Applies an accepted event. No validation: events are facts.</summary>
    public void Apply(JointProgramEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case ProgramCreated c:
                Exists = true;
                Id = c.ProgramId;
                PartnershipId = c.PartnershipId;
                Sector = c.Sector;
                Title = c.Title;
                Description = c.Description;
                StartDate = c.StartDate;
                EndDate = c.EndDate;
                ReportingPeriodMonths = c.ReportingPeriodMonths;
                Status = JointProgramStatus.Planned;
                _milestones.AddRange(c.Milestones);
                _indicators.AddRange(c.Indicators);
                CreatedAt = c.OccurredAt;
                break;
            case ProgressUpdated p:
                ApplyProgress(p.MilestoneCompletions, p.IndicatorActuals);
                break;
            case ProgramStatusChanged s:
                ApplyProgress(s.MilestoneCompletions, s.IndicatorActuals);
                Status = s.To;
                break;
            case ReportSubmitted r:
                _reports.Add(r.Report);
                break;
            case EvaluationRecorded v:
                _evaluations.Add(v.Evaluation);
                break;
            case ReportOverdue o:
                LastOverdueDueDate = o.DueDate;
                break;
            default:
                throw new ArgumentException($"unknown joint programme event {e.GetType().Name}", nameof(e));
        }

        Version++;
        UpdatedAt = e.OccurredAt;
    }

    private void ApplyProgress(ValueList<MilestoneCompletion> completions, ValueList<IndicatorActual> actuals)
    {
        foreach (var completion in completions)
        {
            var index = _milestones.FindIndex(m => m.Id == completion.MilestoneId);
            if (index >= 0)
            {
                _milestones[index] = _milestones[index] with { CompletedOn = completion.CompletedOn };
            }
        }

        foreach (var actual in actuals)
        {
            var index = _indicators.FindIndex(i => i.Id == actual.IndicatorId);
            if (index >= 0)
            {
                _indicators[index] = _indicators[index] with { Actual = actual.Actual };
            }
        }
    }

    private static Rejection? CheckActor(CommandContext ctx) =>
        string.IsNullOrWhiteSpace(ctx.Actor) ? Rejection.Invalid("actor", "the acting user or system must be named") : null;
}
