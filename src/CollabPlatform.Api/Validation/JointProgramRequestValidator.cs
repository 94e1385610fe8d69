using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Common;

namespace CollabPlatform.Api.Validation;

/// <summary>One validator per JointProgramService request; each collects every violation of its request.</summary>
internal static class JointProgramRequestValidator
{
    /// <summary>The contract limits request ids of joint-program mutations to 64 characters.</summary>
    public const int RequestIdLength = 64;

    public static Violations Validate(CreateJointProgramRequest request)
    {
        var v = MessageRules.Start(request);
        v.RequestId(request.RequestId, RequestIdLength);
        v.PartnershipId(request.PartnershipId);
        v.Enum(request.Sector, "sector", "the sector", required: true);
        v.Required(request.Title, "title", "the title, e.g. \"Batik and culinary tourism exchange\"");
        v.MaxLength(request.Description, "description", "the description", Violations.TextLength);
        var hasStart = v.Date(request.StartDate, "start_date", "the planned first day", required: true, out var start);
        var hasEnd = v.Date(request.EndDate, "end_date", "the planned last day", required: false, out var end) && request.EndDate is not null;
        if (hasStart && hasEnd && end < start)
        {
            v.Add("end_date", $"the program ends {end:yyyy-MM-dd}, before it starts on {start:yyyy-MM-dd}");
        }

        if (v.ListSize(request.Milestones.Count, "milestones", "milestones"))
        {
            for (var i = 0; i < request.Milestones.Count; i++)
            {
                var milestone = request.Milestones[i];
                var field = $"milestones[{i}]";
                v.Required(milestone.Title, field + ".title", $"the title of milestone #{i + 1}");
                if (v.Date(milestone.DueDate, field + ".due_date", $"the due date of milestone #{i + 1}", required: true, out var due)
                    && hasStart && (due < start || (hasEnd && end >= start && due > end)))
                {
                    var window = hasEnd ? $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}" : $"from {start:yyyy-MM-dd}";
                    v.Add(field + ".due_date", $"milestone #{i + 1} is due {due:yyyy-MM-dd}, outside the program's dates ({window})");
                }
            }
        }

        if (v.ListSize(request.Indicators.Count, "indicators", "indicators"))
        {
            for (var i = 0; i < request.Indicators.Count; i++)
            {
                var indicator = request.Indicators[i];
                var field = $"indicators[{i}]";
                v.Required(indicator.Name, field + ".name", $"the name of indicator #{i + 1}, e.g. \"MSMEs trained\"");
                v.Required(indicator.Unit, field + ".unit", $"the unit of indicator #{i + 1}, e.g. \"enterprises\"");
                v.Amount(indicator.Target, field + ".target", $"the target of indicator #{i + 1}");
            }
        }

        if (request.ReportingPeriodMonths is < 0 or > DomainLimits.MaxReportingPeriodMonths)
        {
            v.Add("reporting_period_months", $"the reporting period is 1 to {DomainLimits.MaxReportingPeriodMonths} months (0 means 3, quarterly); {request.ReportingPeriodMonths} was given");
        }

        return v;
    }

    public static Violations Validate(GetJointProgramRequest request)
    {
        var v = MessageRules.Start(request);
        v.ProgramId(request.JointProgramId);
        return v;
    }

    /// <summary>Everything but <c>page_token</c>, which is checked against the filters once they are known.</summary>
    public static Violations Validate(ListJointProgramsRequest request)
    {
        var v = MessageRules.Start(request);
        v.PageSize(request.PageSize);
        v.PartnershipId(request.PartnershipId, required: false);
        v.Enum(request.Sector, "sector", "the sector", required: false);
        v.Enum(request.Status, "status", "the status", required: false);
        return v;
    }

    public static Violations Validate(UpdateProgressRequest request)
    {
        var v = Mutation(request, request.RequestId, request.JointProgramId, request.ExpectedVersion);
        if (v.ListSize(request.MilestoneCompletions.Count, "milestone_completions", "milestone completions"))
        {
            for (var i = 0; i < request.MilestoneCompletions.Count; i++)
            {
                var completion = request.MilestoneCompletions[i];
                var field = $"milestone_completions[{i}]";
                if (string.IsNullOrEmpty(completion.MilestoneId))
                {
                    v.Add(field + ".milestone_id", $"the milestone id of completion #{i + 1} is required, e.g. M1 (see the program's milestones)");
                }
                else
                {
                    v.Token(completion.MilestoneId, field + ".milestone_id", "the milestone id", Violations.IdLength);
                }

                v.Date(completion.CompletedDate, field + ".completed_date", $"the day milestone #{i + 1} was reached", required: true, out _);
            }
        }

        if (v.ListSize(request.IndicatorActuals.Count, "indicator_actuals", "indicator values"))
        {
            for (var i = 0; i < request.IndicatorActuals.Count; i++)
            {
                var actual = request.IndicatorActuals[i];
                var field = $"indicator_actuals[{i}]";
                if (string.IsNullOrEmpty(actual.IndicatorId))
                {
                    v.Add(field + ".indicator_id", $"the indicator id of value #{i + 1} is required, e.g. I1 (see the program's indicators)");
                }
                else
                {
                    v.Token(actual.IndicatorId, field + ".indicator_id", "the indicator id", Violations.IdLength);
                }

                v.Amount(actual.Actual, field + ".actual", $"the measured value #{i + 1}");
            }
        }

        var statusKnown = v.Enum(request.Status, "status", "the new status", required: false);
        if (statusKnown && request.Status == JointProgramStatus.Unspecified && request.MilestoneCompletions.Count == 0 && request.IndicatorActuals.Count == 0)
        {
            v.Add("milestone_completions", "the update changes nothing: give milestone_completions, indicator_actuals or a new status");
        }

        v.MaxLength(request.Note, "note", "the note", Violations.TextLength);
        return v;
    }

    public static Violations Validate(SubmitReportRequest request)
    {
        var v = Mutation(request, request.RequestId, request.JointProgramId, request.ExpectedVersion);
        if (request.Report is not { } report)
        {
            v.Add("report", "the report is required: its period, summary and, optionally, author");
            return v;
        }

        var hasStart = v.Date(report.PeriodStart, "report.period_start", "the first day of the reported period", required: true, out var start);
        if (v.Date(report.PeriodEnd, "report.period_end", "the last day of the reported period", required: true, out var end) && hasStart && end < start)
        {
            v.Add("report.period_end", $"the reported period ends {end:yyyy-MM-dd}, before it starts on {start:yyyy-MM-dd}");
        }

        v.Required(report.Summary, "report.summary", "the summary of what was done and achieved", Violations.TextLength);
        v.MaxLength(report.Author, "report.author", "the author");
        return v;
    }

    public static Violations Validate(RecordEvaluationRequest request)
    {
        var v = Mutation(request, request.RequestId, request.JointProgramId, request.ExpectedVersion);
        if (request.Evaluation is not { } evaluation)
        {
            v.Add("evaluation", "the evaluation is required: evaluator, date and findings");
            return v;
        }

        v.Required(evaluation.Evaluator, "evaluation.evaluator", "the evaluator, e.g. a university for an academic review");
        v.Date(evaluation.Date, "evaluation.date", "the date of the evaluation", required: true, out _);
        v.Required(evaluation.Findings, "evaluation.findings", "the findings", Violations.TextLength);
        if (evaluation.HasScore && !(double.IsFinite(evaluation.Score) && evaluation.Score is >= 0 and <= 100))
        {
            v.Add("evaluation.score", $"the score is from 0 to 100, or unset when the evaluator gives none; {evaluation.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)} was given");
        }

        return v;
    }

    private static Violations Mutation(Google.Protobuf.IMessage request, string requestId, string programId, long expectedVersion)
    {
        var v = MessageRules.Start(request);
        v.RequestId(requestId, RequestIdLength);
        v.ProgramId(programId);
        v.ExpectedVersion(expectedVersion);
        return v;
    }
}
