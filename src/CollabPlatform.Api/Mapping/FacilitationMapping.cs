using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Persistence.Ledger;
using V1 = CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Mapping;

/// <summary>Ledger rows as feed events and dashboard entries of facilitation_service.proto.</summary>
internal static class FacilitationMapping
{
    private const string ProgramStreamPrefix = "program:";
    private const int MaxSummaryLength = 300;

    // A live event reaches every watcher of its scope as the same StoredLedgerEvent instance (one
    // tailer read per replica), so it is mapped, summary and all, once rather than once per watcher.
    private static readonly ConditionalWeakTable<StoredLedgerEvent, V1.AgreementEvent> Shared = new();

    /// <summary>
    /// <see cref="ToAgreementEvent"/>, made once per ledger event instance and shared by every
    /// stream that sends it: the result is only serialised, never changed.
    /// </summary>
    public static V1.AgreementEvent ToSharedAgreementEvent(this StoredLedgerEvent stored) =>
        Shared.GetValue(stored, static e => e.ToAgreementEvent());

    public static V1.AgreementEvent ToAgreementEvent(this StoredLedgerEvent stored)
    {
        var from = ParseStage(stored.FromStage);
        var to = ParseStage(stored.ToStage);
        var proposed = stored.EventType == "partnership.proposed";
        var moved = proposed || (from is not null && to is not null && from != to);
        return new V1.AgreementEvent
        {
            Cursor = stored.Cursor.ToString(),
            PartnershipId = stored.PartnershipId ?? string.Empty,
            JointProgramId = stored.StreamId.StartsWith(ProgramStreamPrefix, StringComparison.Ordinal) ? stored.StreamId[ProgramStreamPrefix.Length..] : string.Empty,
            EventType = EventTypeMapping.ToProto(stored.EventType),
            Actor = stored.Actor,
            OccurredAt = stored.OccurredAt.ToProto(),
            FromStage = moved && !proposed && from is { } f ? f.ToProto() : V1.PartnershipStage.Unspecified,
            ToStage = moved && to is { } t ? t.ToProto() : V1.PartnershipStage.Unspecified,
            Summary = Summarize(stored),
        };
    }

    private static PartnershipStage? ParseStage(string? stored) =>
        Enum.TryParse<PartnershipStage>(stored, out var stage) && Enum.IsDefined(stage) ? stage : null;

    /// <summary>One line for people, e.g. "LetterOfIntent -> CooperationPlan: plan of action drafted".</summary>
    private static string Summarize(StoredLedgerEvent stored)
    {
        string line;
        try
        {
            line = stored.StreamId.StartsWith(ProgramStreamPrefix, StringComparison.Ordinal)
                ? Describe(JsonSerializer.Deserialize<JointProgramEvent>(stored.Payload, DomainJson.Options))
                : Describe(JsonSerializer.Deserialize<PartnershipEvent>(stored.Payload, DomainJson.Options));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // An event type newer than this server: the feed still delivers it, with a plain line.
            line = stored.EventType;
        }

        return line.Length <= MaxSummaryLength ? line : line[..(MaxSummaryLength - 1)] + "…";
    }

    private static string Describe(PartnershipEvent? e) => e switch
    {
        PartnershipProposed p => $"Proposed: {p.Title} ({p.Kind}, {p.LocalRegion} with {p.Counterpart}) at {p.Stage}" + Note(p.Note),
        MeetingRecorded m => $"Meeting of {Date(m.Meeting.Date)} ({m.Meeting.Mode})" + Note(m.Meeting.Outcome ?? m.Meeting.Summary),
        DocumentAttached d => $"{d.Document.Kind} attached: {d.Document.Title}",
        StageAdvanced s => $"{s.From} -> {s.To}" + Note(s.Note),
        PartnershipRenewed r => $"Renewed with {r.Document.Kind} {r.Document.Id}, in force from {Date(r.Validity.Effective)}" + Note(r.Reason),
        PartnershipTerminated t => $"Terminated from {Date(t.EffectiveDate)}" + Note(t.Reason),
        PartnershipExpired x => $"Expired: {x.DocumentId} was valid until {Date(x.Expires)}",
        FacilitatorAdded f => $"Facilitator {f.Jurisdiction} added: {f.Role}",
        PrioritySectorsChanged c => $"Priority sectors: {(c.Sectors.Count == 0 ? "none" : string.Join(", ", c.Sectors))}",
        _ => "Partnership changed",
    };

    private static string Describe(JointProgramEvent? e) => e switch
    {
        ProgramCreated c => $"Joint program {c.ProgramId} created: {c.Title} ({c.Sector})",
        ProgressUpdated p => $"Progress on {p.ProgramId}: {p.MilestoneCompletions.Count} milestone(s) reached, {p.IndicatorActuals.Count} indicator value(s)" + Note(p.Note),
        ProgramStatusChanged s => $"{s.ProgramId}: {s.From} -> {s.To}" + Progress(s.MilestoneCompletions.Count, s.IndicatorActuals.Count) + Note(s.Note),
        ReportSubmitted r => $"Report on {r.ProgramId} for {Date(r.Report.PeriodStart)} to {Date(r.Report.PeriodEnd)}",
        EvaluationRecorded v => $"Evaluation of {v.ProgramId} by {v.Evaluation.Evaluator}",
        ReportOverdue o => $"Report of {o.ProgramId} due {Date(o.DueDate)} is overdue",
        _ => "Joint program changed",
    };

    private static string Progress(int milestones, int actuals) =>
        milestones + actuals == 0 ? string.Empty : $", with {milestones} milestone(s) reached, {actuals} indicator value(s)";

    private static string Note(string? note) => string.IsNullOrWhiteSpace(note) ? string.Empty : ": " + note.Trim().ReplaceLineEndings(" ");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
