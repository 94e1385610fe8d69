using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Partnerships;

/// <summary>
/// A KSDPL or KSDLL partnership between an Indonesian region and a foreign local government or
/// institution. Decisions are pure functions of (state, command, now); state changes only through
/// <see cref="Apply"/>, so the live aggregate and one rebuilt from the ledger are the same.
/// </summary>
public sealed partial class Partnership
{
    private readonly List<PartnershipDocument> _documents = [];
    private readonly List<Meeting> _meetings = [];
    private readonly List<FacilitatorAssignment> _facilitators = [];
    private readonly List<HistoryEntry> _history = [];

    /// <summary>False until the proposal has been applied.</summary>
    public bool Exists { get; private set; }

    public string Id { get; private set; } = string.Empty;

    /// <summary>Number of events applied; the ledger's expected version for the next append.</summary>
    public long Version { get; private set; }

    public PartnershipKind Kind { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public PartnershipStage Stage { get; private set; }

    public RegionId LocalRegion { get; private set; }

    public Counterpart Counterpart { get; private set; } = new(null, null);

    public IReadOnlyList<Sector> PrioritySectors { get; private set; } = ValueList<Sector>.Empty;

    /// <summary>Every document ever attached, superseded ones included, in order of recording.</summary>
    public IReadOnlyList<PartnershipDocument> Documents => _documents;

    public IReadOnlyList<Meeting> Meetings => _meetings;

    /// <summary>The window of the governing document: the current agreement, else the current letter of intent.</summary>
    public ValidityWindow? Validity { get; private set; }

    /// <summary>The agreement in force (the latest attached or renewed), if any.</summary>
    public string? CurrentAgreementId { get; private set; }

    /// <summary>The letter of intent in force (the latest attached or renewed), if any.</summary>
    public string? CurrentLetterOfIntentId { get; private set; }

    public IReadOnlyList<FacilitatorAssignment> Facilitators => _facilitators;

    public IReadOnlyList<HistoryEntry> History => _history;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>While Expired: the stage the partnership had reached, to which a renewal returns.</summary>
    public PartnershipStage? StageBeforeExpiry { get; private set; }

    /// <summary>
    /// When the timer must next send <see cref="CheckDeadlines"/>: the first instant after the
    /// governing document's last valid day (UTC). Null when nothing can expire.
    /// </summary>
    public DateTimeOffset? NextDeadline =>
        Exists && Stage is not (PartnershipStage.Expired or PartnershipStage.Terminated) && Validity?.Expires is { } expires
            ? DateInstants.EndOfDayUtc(expires)
            : null;

    /// <summary>The document whose validity window governs the partnership.</summary>
    public string? GoverningDocumentId => CurrentAgreementId ?? CurrentLetterOfIntentId;

    /// <summary>Rebuilds a partnership from its events, oldest first.</summary>
    public static Partnership FromHistory(IEnumerable<PartnershipEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var partnership = new Partnership();
        foreach (var e in events)
        {
            partnership.Apply(e);
        }

        return partnership;
    }

    /// <summary>Decides a proposal; the partnership does not exist yet.</summary>
    public static Decision<PartnershipEvent> Propose(ProposePartnership cmd, RegionCatalog catalog, CommandContext ctx)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ctx);

        var rejection = CheckActor(ctx)
            ?? Check.Id(cmd.PartnershipId, "partnership_id", "the partnership id")
            ?? Check.Defined(cmd.Kind, "kind", "the partnership kind")
            ?? Check.Required(cmd.Title, "title", "the title")
            ?? CheckProposedParties(cmd, catalog)
            ?? Check.Sectors(cmd.PrioritySectors, "priority_sectors")
            ?? CheckInitialStage(cmd.InitialStage)
            ?? Check.Optional(cmd.Note, "note", "the note", DomainLimits.MaxTextLength);
        if (rejection is not null)
        {
            return Decision<PartnershipEvent>.Reject(rejection);
        }

        return Decision<PartnershipEvent>.Accept(new PartnershipProposed
        {
            PartnershipId = cmd.PartnershipId,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Kind = cmd.Kind,
            Title = cmd.Title.Trim(),
            LocalRegion = cmd.LocalRegion,
            Counterpart = cmd.Counterpart,
            PrioritySectors = ValueList.From(cmd.PrioritySectors),
            Stage = cmd.InitialStage,
            Note = cmd.Note,
        });
    }

    /// <summary>Decides any command against the current state.</summary>
    public Decision<PartnershipEvent> Decide(PartnershipCommand cmd, RegionCatalog catalog, CommandContext ctx)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ctx);

        if (cmd is ProposePartnership propose)
        {
            return Exists
                ? Decision<PartnershipEvent>.Reject(Rejection.Exists($"partnership {Id} already exists (\"{Title}\", proposed {Wording.Date(DateOnly.FromDateTime(CreatedAt.UtcDateTime))})", "partnership_id"))
                : Propose(propose, catalog, ctx);
        }

        if (!Exists)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.NotFound("the partnership does not exist; propose it first"));
        }

        if (CheckActor(ctx) is { } actorRejection)
        {
            return Decision<PartnershipEvent>.Reject(actorRejection);
        }

        // The deadline check is the one command a terminated partnership still answers: a timer
        // that fires late must find nothing to do rather than an error.
        if (Stage == PartnershipStage.Terminated && cmd is not CheckDeadlines)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Precondition(
                $"partnership {Id} was terminated; a terminated partnership accepts no further changes (propose a new one to resume cooperation)"));
        }

        return cmd switch
        {
            RecordMeeting c => DecideMeeting(c, ctx),
            AttachDocument c => DecideAttach(c, ctx),
            AdvanceStage c => DecideAdvance(c, ctx),
            RenewPartnership c => DecideRenew(c, ctx),
            TerminatePartnership c => DecideTerminate(c, ctx),
            AddFacilitator c => DecideFacilitator(c, catalog, ctx),
            UpdatePrioritySectors c => DecideSectors(c, ctx),
            CheckDeadlines => DecideDeadlines(ctx),
            _ => throw new ArgumentException($"unknown partnership command {cmd.GetType().Name}", nameof(cmd)),
        };
    }

    /// <summary>Applies an accepted event. No validation: events are facts.</summary>
    public void Apply(PartnershipEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var before = Stage;
        string? note = null;
        switch (e)
        {
            case PartnershipProposed p:
                Exists = true;
                Id = p.PartnershipId;
                Kind = p.Kind;
                Title = p.Title;
                LocalRegion = p.LocalRegion;
                Counterpart = p.Counterpart;
                PrioritySectors = p.PrioritySectors;
                Stage = p.Stage;
                CreatedAt = p.OccurredAt;
                note = p.Note;
                break;
            case MeetingRecorded m:
                _meetings.Add(m.Meeting);
                note = m.Meeting.Summary ?? m.Meeting.Outcome;
                break;
            case DocumentAttached d:
                AddDocument(d.Document);
                note = $"{d.Document.Kind}: {d.Document.Title}";
                break;
            case StageAdvanced s:
                Stage = s.To;
                note = s.Note;
                break;
            case PartnershipRenewed r:
                AddDocument(r.Document);
                Stage = r.ToStage;
                StageBeforeExpiry = null;
                note = r.Reason;
                break;
            case PartnershipTerminated t:
                Stage = PartnershipStage.Terminated;
                StageBeforeExpiry = null;
                note = t.Reason;
                break;
            case PartnershipExpired x:
                StageBeforeExpiry = x.FromStage;
                Stage = PartnershipStage.Expired;
                note = $"{x.DocumentId} was valid until {Wording.Date(x.Expires)}";
                break;
            case FacilitatorAdded f:
                _facilitators.Add(new FacilitatorAssignment(f.Jurisdiction, f.Role, f.OccurredAt, f.Actor));
                note = $"{f.Jurisdiction}: {f.Role}";
                break;
            case PrioritySectorsChanged s:
                PrioritySectors = s.Sectors;
                note = Wording.List(s.Sectors);
                break;
            default:
                throw new ArgumentException($"unknown partnership event {e.GetType().Name}", nameof(e));
        }

        Version++;
        UpdatedAt = e.OccurredAt;
        var moved = e is PartnershipProposed || before != Stage;
        _history.Add(new HistoryEntry(
            Version,
            EventTypeNames.Of<PartnershipEvent>(e.GetType()),
            e.Actor,
            e.OccurredAt,
            moved && e is not PartnershipProposed ? before : null,
            moved ? Stage : null,
            note));
    }

    private void AddDocument(PartnershipDocument document)
    {
        _documents.Add(document);
        switch (document.Kind)
        {
            case DocumentKind.Agreement:
                CurrentAgreementId = document.Id;
                Validity = document.Validity;
                break;
            case DocumentKind.LetterOfIntent:
                CurrentLetterOfIntentId = document.Id;

                // Once an agreement is signed it governs; a later letter of intent does not shorten it.
                if (CurrentAgreementId is null)
                {
                    Validity = document.Validity;
                }

                break;
            default:
                break;
        }
    }

    private PartnershipDocument? FindDocument(string? id) =>
        id is null ? null : _documents.Find(d => d.Id == id);

    private bool HasDocument(DocumentKind kind) => _documents.Exists(d => d.Kind == kind);

    private static Rejection? CheckActor(CommandContext ctx) =>
        string.IsNullOrWhiteSpace(ctx.Actor) ? Rejection.Invalid("actor", "the acting user or system must be named") : null;
}
