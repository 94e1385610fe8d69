using System.Globalization;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Commands;
using V1 = CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Mapping;

/// <summary>Joint programmes and their commands between the domain and joint_program_service.proto.</summary>
internal static class JointProgramMapping
{
    /// <summary>The reporting period when a request leaves it 0: quarterly.</summary>
    public const int DefaultReportingPeriodMonths = 3;

    public static V1.JointProgramStatus ToProto(this JointProgramStatus status) => EnumMap<JointProgramStatus, V1.JointProgramStatus>.ToProto(status);

    public static JointProgramStatus ToDomain(this V1.JointProgramStatus status) => EnumMap<JointProgramStatus, V1.JointProgramStatus>.ToDomain(status);

    public static V1.JointProgram ToProto(this JointProgram program)
    {
        var proto = new V1.JointProgram
        {
            Id = program.Id,
            PartnershipId = program.PartnershipId,
            Version = program.Version,
            Sector = program.Sector.ToProto(),
            Title = program.Title,
            Description = program.Description ?? string.Empty,
            Status = program.Status.ToProto(),
            StartDate = program.StartDate.ToProto(),
            EndDate = program.EndDate.ToProto(),
            ReportingPeriodMonths = program.ReportingPeriodMonths,
            NextReportDue = program.IsFinal ? null : program.NextReportDue.ToProto(),
            CreatedAt = program.CreatedAt.ToProto(),
            UpdatedAt = program.UpdatedAt.ToProto(),
        };
        proto.Milestones.AddRange(program.Milestones.Select(m => new V1.Milestone
        {
            Id = m.Id,
            Title = m.Title,
            DueDate = m.Due.ToProto(),
            CompletedDate = m.CompletedOn.ToProto(),
        }));
        proto.Indicators.AddRange(program.Indicators.Select(ToProto));
        proto.Reports.AddRange(program.Reports.Select(r => new V1.ProgressReport
        {
            Id = r.Id,
            PeriodStart = r.PeriodStart.ToProto(),
            PeriodEnd = r.PeriodEnd.ToProto(),
            SubmittedAt = r.SubmittedAt.ToProto(),
            Summary = r.Summary,
            Author = r.Author,
        }));
        proto.Evaluations.AddRange(program.Evaluations.Select(ToProto));
        return proto;
    }

    /// <summary>
    /// The creation command. Milestones and indicators get ids by position (<c>M1</c>, <c>I1</c>, …):
    /// unique within the programme, and the same on every retry.
    /// </summary>
    public static CreateJointProgram ToDomain(this V1.CreateJointProgramRequest request, string programId) => new()
    {
        ProgramId = programId,
        PartnershipId = request.PartnershipId,
        Sector = request.Sector.ToDomain(),
        Title = request.Title.Trim(),
        Description = CommonMapping.Optional(request.Description),
        StartDate = request.StartDate.ToDomain(),
        EndDate = request.EndDate.ToDomainOrNull(),
        Milestones = ValueList.From(request.Milestones.Select((m, i) => new Milestone(MilestoneId(i), m.Title.Trim(), m.DueDate.ToDomain()))),
        Indicators = ValueList.From(request.Indicators.Select((x, i) => new Indicator(IndicatorId(i), x.Name.Trim(), x.Unit.Trim(), x.Target))),
        ReportingPeriodMonths = request.ReportingPeriodMonths == 0 ? DefaultReportingPeriodMonths : request.ReportingPeriodMonths,
    };

    public static UpdateProgress ToDomain(this V1.UpdateProgressRequest request) => new()
    {
        MilestoneCompletions = ValueList.From(request.MilestoneCompletions.Select(c => new MilestoneCompletion(c.MilestoneId, c.CompletedDate.ToDomain()))),
        IndicatorActuals = ValueList.From(request.IndicatorActuals.Select(a => new IndicatorActual(a.IndicatorId, a.Actual))),
        NewStatus = request.Status == V1.JointProgramStatus.Unspecified ? null : request.Status.ToDomain(),
        Note = CommonMapping.Optional(request.Note),
    };

    public static SubmitReport ToDomain(this V1.ProgressReport report, string reportId) => new()
    {
        ReportId = reportId,
        PeriodStart = report.PeriodStart.ToDomain(),
        PeriodEnd = report.PeriodEnd.ToDomain(),
        Summary = report.Summary.Trim(),
        Author = CommonMapping.Optional(report.Author),
    };

    public static RecordEvaluation ToDomain(this V1.Evaluation evaluation, string evaluationId) => new()
    {
        EvaluationId = evaluationId,
        Evaluator = evaluation.Evaluator.Trim(),
        Date = evaluation.Date.ToDomain(),
        Findings = evaluation.Findings.Trim(),
        Score = evaluation.HasScore ? evaluation.Score : null,
    };

    private static V1.Indicator ToProto(Indicator indicator)
    {
        var proto = new V1.Indicator { Id = indicator.Id, Name = indicator.Name, Unit = indicator.Unit, Target = indicator.Target };
        if (indicator.Actual is { } actual)
        {
            proto.Actual = actual;
        }

        return proto;
    }

    private static V1.Evaluation ToProto(Evaluation evaluation)
    {
        var proto = new V1.Evaluation { Id = evaluation.Id, Evaluator = evaluation.Evaluator, Date = evaluation.Date.ToProto(), Findings = evaluation.Findings };
        if (evaluation.Score is { } score)
        {
            proto.Score = score;
        }

        return proto;
    }

    private static string MilestoneId(int index) => "M" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string IndicatorId(int index) => "I" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
