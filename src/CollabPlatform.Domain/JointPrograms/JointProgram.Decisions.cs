using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;

namespace CollabPlatform.Domain.JointPrograms;

public sealed partial class JointProgram
{
    private static Rejection? CheckParentStage(string partnershipId, PartnershipStage stage) => stage switch
    {
        PartnershipStage.Expired or PartnershipStage.Terminated =>
            Rejection.Precondition($"partnership {partnershipId} is {stage}; a joint programme needs a partnership in force (renew it first)"),
        < PartnershipStage.LetterOfIntent =>
            Rejection.Precondition($"partnership {partnershipId} is at {stage}; joint programmes start once both sides have signed the letter of intent (LetterOfIntent or later)"),
        _ => null,
    };

    private static Rejection? CheckEndDate(DateOnly start, DateOnly? end) =>
        end is { } e && e < start
            ? Rejection.Invalid("end_date", $"the programme ends {Wording.Date(e)}, before it starts on {Wording.Date(start)}")
            : null;

    private static Rejection? CheckReportingPeriod(int months) =>
        months is < 1 or > DomainLimits.MaxReportingPeriodMonths
            ? Rejection.Invalid("reporting_period_months", $"the reporting period must be 1 to {DomainLimits.MaxReportingPeriodMonths} months; {months} was given")
            : null;

    private static Rejection? CheckMilestones(ValueList<Milestone>? milestones, DateOnly start, DateOnly? end, CommandContext ctx)
    {
        if (Check.ListSize(milestones, "milestones", "milestones") is { } tooMany)
        {
            return tooMany;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (milestones?.Count ?? 0); i++)
        {
            var milestone = milestones![i];
            var field = $"milestones[{i}]";
            if (milestone is null)
            {
                return Rejection.Invalid(field, $"milestone #{i + 1} is empty");
            }

            var rejection = Check.Id(milestone.Id, $"{field}.id", $"the id of milestone #{i + 1}")
                ?? Check.Required(milestone.Title, $"{field}.title", $"the title of milestone #{i + 1}")
                ?? Check.Set(milestone.Due, $"{field}.due", $"the due date of milestone #{i + 1}");
            if (rejection is not null)
            {
                return rejection;
            }

            if (!ids.Add(milestone.Id))
            {
                return Rejection.Invalid($"{field}.id", $"milestone id {milestone.Id} is used twice");
            }

            if (milestone.Due < start || (end is { } e && milestone.Due > e))
            {
                var window = end is { } last ? $"{Wording.Date(start)} to {Wording.Date(last)}" : $"from {Wording.Date(start)}";
                return Rejection.Invalid($"{field}.due", $"milestone \"{milestone.Title}\" is due {Wording.Date(milestone.Due)}, outside the programme's dates ({window})");
            }

            if (milestone.CompletedOn is { } done && Check.NotInFuture(done, ctx, $"{field}.completed_on", $"the completion date of milestone \"{milestone.Title}\"") is { } future)
            {
                return future;
            }
        }

        return null;
    }

    private static Rejection? CheckIndicators(ValueList<Indicator>? indicators)
    {
        if (Check.ListSize(indicators, "indicators", "indicators") is { } tooMany)
        {
            return tooMany;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (indicators?.Count ?? 0); i++)
        {
            var indicator = indicators![i];
            var field = $"indicators[{i}]";
            if (indicator is null)
            {
                return Rejection.Invalid(field, $"indicator #{i + 1} is empty");
            }

            var rejection = Check.Id(indicator.Id, $"{field}.id", $"the id of indicator #{i + 1}")
                ?? Check.Required(indicator.Name, $"{field}.name", $"the name of indicator #{i + 1}")
                ?? Check.Required(indicator.Unit, $"{field}.unit", $"the unit of indicator \"{indicator.Name}\"")
                ?? CheckAmount(indicator.Target, $"{field}.target", $"the target of indicator \"{indicator.Name}\"")
                ?? (indicator.Actual is { } actual ? CheckAmount(actual, $"{field}.actual", $"the actual value of indicator \"{indicator.Name}\"") : null);
            if (rejection is not null)
            {
                return rejection;
            }

            if (!ids.Add(indicator.Id))
            {
                return Rejection.Invalid($"{field}.id", $"indicator id {indicator.Id} is used twice");
            }
        }

        return null;
    }

    private static Rejection? CheckAmount(double value, string field, string what) =>
        double.IsFinite(value) && value >= 0 ? null : Rejection.Invalid(field, $"{what} must be a number of at least 0; {value} was given");

    private Decision<JointProgramEvent> DecideProgress(UpdateProgress cmd, CommandContext ctx)
    {
        var completions = ValueList.From(cmd.MilestoneCompletions);
        var actuals = ValueList.From(cmd.IndicatorActuals);
        if (completions.Count == 0 && actuals.Count == 0 && cmd.NewStatus is null)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Invalid("milestone_completions", "the update names no milestone, indicator or status"));
        }

        if (IsFinal)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Precondition($"joint programme {Id} is {Status}; a {Status.ToString().ToLowerInvariant()} programme takes no further progress"));
        }

        var rejection = Check.Optional(cmd.Note, "note", "the note", DomainLimits.MaxTextLength)
            ?? CheckCompletions(completions, ctx)
            ?? CheckActuals(actuals)
            ?? (cmd.NewStatus is { } target ? CheckStatusChange(target) : null);
        if (rejection is not null)
        {
            return Decision<JointProgramEvent>.Reject(rejection);
        }

        // One accepted command is one event, so that the version (the ledger's event count) moves by
        // one per change. A status change carries the progress recorded with it.
        if (cmd.NewStatus is { } to)
        {
            return Decision<JointProgramEvent>.Accept(new ProgramStatusChanged
            {
                ProgramId = Id,
                OccurredAt = ctx.Now,
                Actor = ctx.Actor,
                From = Status,
                To = to,
                MilestoneCompletions = completions,
                IndicatorActuals = actuals,
                Note = cmd.Note,
            });
        }

        return Decision<JointProgramEvent>.Accept(new ProgressUpdated
        {
            ProgramId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            MilestoneCompletions = completions,
            IndicatorActuals = actuals,
            Note = cmd.Note,
        });
    }

    private Rejection? CheckCompletions(ValueList<MilestoneCompletion> completions, CommandContext ctx)
    {
        if (Check.ListSize(completions, "milestone_completions", "milestone completions") is { } tooMany)
        {
            return tooMany;
        }

        for (var i = 0; i < completions.Count; i++)
        {
            var completion = completions[i];
            var field = $"milestone_completions[{i}]";
            if (completion is null || _milestones.Find(m => m.Id == completion.MilestoneId) is not { } milestone)
            {
                return Rejection.NotFound($"joint programme {Id} has no milestone {completion?.MilestoneId}", $"{field}.milestone_id");
            }

            var rejection = Check.Set(completion.CompletedOn, $"{field}.completed_on", $"the completion date of milestone \"{milestone.Title}\"")
                ?? Check.NotInFuture(completion.CompletedOn, ctx, $"{field}.completed_on", $"milestone \"{milestone.Title}\" is completed once achieved; the completion date");
            if (rejection is not null)
            {
                return rejection;
            }
        }

        return null;
    }

    private Rejection? CheckActuals(ValueList<IndicatorActual> actuals)
    {
        if (Check.ListSize(actuals, "indicator_actuals", "indicator values") is { } tooMany)
        {
            return tooMany;
        }

        for (var i = 0; i < actuals.Count; i++)
        {
            var actual = actuals[i];
            var field = $"indicator_actuals[{i}]";
            if (actual is null || _indicators.Find(x => x.Id == actual.IndicatorId) is not { } indicator)
            {
                return Rejection.NotFound($"joint programme {Id} has no indicator {actual?.IndicatorId}", $"{field}.indicator_id");
            }

            if (CheckAmount(actual.Actual, $"{field}.actual", $"the actual value of indicator \"{indicator.Name}\"") is { } rejection)
            {
                return rejection;
            }
        }

        return null;
    }

    private Rejection? CheckStatusChange(JointProgramStatus target)
    {
        if (Check.Defined(target, "new_status", "the new status") is { } undefined)
        {
            return undefined;
        }

        return ProgramStatusMachine.IsAllowed(Status, target)
            ? null
            : Rejection.Precondition(ProgramStatusMachine.Explain(Status, target));
    }

    private Decision<JointProgramEvent> DecideReport(SubmitReport cmd, CommandContext ctx)
    {
        if (Status == JointProgramStatus.Cancelled)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Precondition($"joint programme {Id} was cancelled; a cancelled programme takes no reports"));
        }

        var rejection = Check.Id(cmd.ReportId, "report_id", "the report id")
            ?? Check.Set(cmd.PeriodStart, "period_start", "the start of the reported period")
            ?? Check.Set(cmd.PeriodEnd, "period_end", "the end of the reported period")
            ?? Check.Required(cmd.Summary, "summary", "the summary", DomainLimits.MaxTextLength)
            ?? Check.Optional(cmd.Author, "author", "the author");
        if (rejection is not null)
        {
            return Decision<JointProgramEvent>.Reject(rejection);
        }

        if (cmd.PeriodEnd < cmd.PeriodStart)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Invalid("period_end", $"the reported period ends {Wording.Date(cmd.PeriodEnd)}, before it starts on {Wording.Date(cmd.PeriodStart)}"));
        }

        if (cmd.PeriodStart < StartDate)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Invalid("period_start", $"the reported period starts {Wording.Date(cmd.PeriodStart)}, before the programme started on {Wording.Date(StartDate)}"));
        }

        if (Check.NotInFuture(cmd.PeriodEnd, ctx, "period_end", "a report covers a period that has ended; the period end") is { } future)
        {
            return Decision<JointProgramEvent>.Reject(future);
        }

        if (_reports.Exists(r => r.Id == cmd.ReportId))
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Exists($"report {cmd.ReportId} is already submitted on joint programme {Id}", "report_id"));
        }

        if (_reports.Count >= DomainLimits.MaxReports)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Limit($"joint programme {Id} already has {DomainLimits.MaxReports} reports, the most allowed"));
        }

        return Decision<JointProgramEvent>.Accept(new ReportSubmitted
        {
            ProgramId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Report = new ProgressReport(cmd.ReportId, cmd.PeriodStart, cmd.PeriodEnd, ctx.Now, cmd.Summary, cmd.Author ?? ctx.Actor),
        });
    }

    private Decision<JointProgramEvent> DecideEvaluation(RecordEvaluation cmd, CommandContext ctx)
    {
        if (Status == JointProgramStatus.Cancelled)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Precondition($"joint programme {Id} was cancelled; a cancelled programme takes no evaluations"));
        }

        var rejection = Check.Id(cmd.EvaluationId, "evaluation_id", "the evaluation id")
            ?? Check.Required(cmd.Evaluator, "evaluator", "the evaluator")
            ?? Check.Set(cmd.Date, "date", "the evaluation date")
            ?? Check.NotInFuture(cmd.Date, ctx, "date", "an evaluation is recorded once made; its date")
            ?? Check.Required(cmd.Findings, "findings", "the findings", DomainLimits.MaxTextLength)
            ?? (cmd.Score is { } score && !(double.IsFinite(score) && score is >= 0 and <= 100)
                ? Rejection.Invalid("score", $"the score must be between 0 and 100; {score} was given")
                : null);
        if (rejection is not null)
        {
            return Decision<JointProgramEvent>.Reject(rejection);
        }

        if (_evaluations.Exists(v => v.Id == cmd.EvaluationId))
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Exists($"evaluation {cmd.EvaluationId} is already recorded on joint programme {Id}", "evaluation_id"));
        }

        if (_evaluations.Count >= DomainLimits.MaxReports)
        {
            return Decision<JointProgramEvent>.Reject(Rejection.Limit($"joint programme {Id} already has {DomainLimits.MaxReports} evaluations, the most allowed"));
        }

        return Decision<JointProgramEvent>.Accept(new EvaluationRecorded
        {
            ProgramId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Evaluation = new Evaluation(cmd.EvaluationId, cmd.Evaluator, cmd.Date, cmd.Findings, cmd.Score),
        });
    }

    private Decision<JointProgramEvent> DecideDeadline(CommandContext ctx)
    {
        // Timers may fire late or twice: raise only once per due date and only after it has passed.
        if (NextDeadline is not { } deadline || ctx.Now < deadline)
        {
            return Decision<JointProgramEvent>.Accept();
        }

        return Decision<JointProgramEvent>.Accept(new ReportOverdue
        {
            ProgramId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            DueDate = NextReportDue,
        });
    }
}
