using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Partnerships;

// Decisions on an existing partnership that is not Terminated (Decide filters both).
public sealed partial class Partnership
{
    private Decision<PartnershipEvent> DecideMeeting(RecordMeeting cmd, CommandContext ctx)
    {
        var rejection = Check.Id(cmd.MeetingId, "meeting_id", "the meeting id")
            ?? Check.Set(cmd.Date, "date", "the meeting date")
            ?? Check.NotInFuture(cmd.Date, ctx, "date", "a meeting is recorded once held; the meeting date")
            ?? Check.Defined(cmd.Mode, "mode", "the meeting mode")
            ?? Check.Optional(cmd.Place, "place", "the place")
            ?? Check.People(cmd.Participants, "participants", "participant")
            ?? Check.Optional(cmd.Summary, "summary", "the summary", DomainLimits.MaxTextLength)
            ?? Check.Optional(cmd.Outcome, "outcome", "the outcome", DomainLimits.MaxTextLength)
            ?? CheckNextSteps(cmd.NextSteps, cmd.Date);
        if (rejection is not null)
        {
            return Decision<PartnershipEvent>.Reject(rejection);
        }

        if (_meetings.Exists(m => m.Id == cmd.MeetingId))
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Exists($"meeting {cmd.MeetingId} is already recorded on partnership {Id}", "meeting_id"));
        }

        if (_meetings.Count >= DomainLimits.MaxMeetings)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Limit($"partnership {Id} already has {DomainLimits.MaxMeetings} meetings, the most one partnership may hold"));
        }

        return Decision<PartnershipEvent>.Accept(new MeetingRecorded
        {
            PartnershipId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Meeting = new Meeting
            {
                Id = cmd.MeetingId,
                Date = cmd.Date,
                Mode = cmd.Mode,
                Place = cmd.Place,
                Participants = ValueList.From(cmd.Participants),
                Summary = cmd.Summary,
                Outcome = cmd.Outcome,
                NextSteps = ValueList.From(cmd.NextSteps),
                RecordedAt = ctx.Now,
            },
        });
    }

    private static Rejection? CheckNextSteps(ValueList<NextStep>? steps, DateOnly meetingDate)
    {
        if (Check.ListSize(steps, "next_steps", "next steps") is { } tooMany)
        {
            return tooMany;
        }

        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            var step = steps![i];
            if (step is null)
            {
                return Rejection.Invalid($"next_steps[{i}]", $"next step #{i + 1} is empty");
            }

            if (Check.Required(step.Description, $"next_steps[{i}].description", $"the description of next step #{i + 1}", DomainLimits.MaxTextLength) is { } rejection)
            {
                return rejection;
            }

            if (step.TargetDate is { } target && target < meetingDate)
            {
                return Rejection.Invalid($"next_steps[{i}].target_date", $"next step #{i + 1} targets {Wording.Date(target)}, before the meeting of {Wording.Date(meetingDate)} that agreed it");
            }
        }

        return null;
    }

    private Decision<PartnershipEvent> DecideAttach(AttachDocument cmd, CommandContext ctx)
    {
        var document = new PartnershipDocument
        {
            Id = cmd.DocumentId,
            Kind = cmd.Kind,
            Number = cmd.Number,
            Date = cmd.Date,
            Place = cmd.Place,
            Title = cmd.Title,
            Signatories = ValueList.From(cmd.Signatories),
            Witnesses = ValueList.From(cmd.Witnesses),
            Validity = cmd.Validity,
            SupersedesDocumentId = cmd.SupersedesDocumentId,
            RecordedAt = ctx.Now,
        };
        var rejection = CheckDocument(document, ctx);
        if (rejection is not null)
        {
            return Decision<PartnershipEvent>.Reject(rejection);
        }

        if (document.SupersedesDocumentId is { } supersedes && FindDocument(supersedes) is null)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.NotFound($"document {document.Id} supersedes {supersedes}, which is not attached to partnership {Id}", "supersedes_document_id"));
        }

        return Decision<PartnershipEvent>.Accept(new DocumentAttached
        {
            PartnershipId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Document = document,
        });
    }

    // Every document needs number, date, place, signatories and witnesses as the official record
    // gives them (docs/domain.md §documents); what is mandatory here is only what every document has.
    private Rejection? CheckDocument(PartnershipDocument document, CommandContext ctx)
    {
        var rejection = Check.Id(document.Id, "document_id", "the document id")
            ?? Check.Defined(document.Kind, "kind", "the document kind")
            ?? Check.Optional(document.Number, "number", "the document number")
            ?? Check.Set(document.Date, "date", "the document date")
            ?? Check.NotInFuture(document.Date, ctx, "date", "a document is attached once issued; its date")
            ?? Check.Optional(document.Place, "place", "the place")
            ?? Check.Required(document.Title, "title", "the document title")
            ?? Check.People(document.Signatories, "signatories", "signatory")
            ?? Check.People(document.Witnesses, "witnesses", "witness")
            ?? CheckValidity(document.Kind, document.Validity)
            ?? Check.Optional(document.SupersedesDocumentId, "supersedes_document_id", "the superseded document id", DomainLimits.MaxIdLength);
        if (rejection is not null)
        {
            return rejection;
        }

        if (FindDocument(document.Id) is not null)
        {
            return Rejection.Exists($"document {document.Id} is already attached to partnership {Id}", "document_id");
        }

        return _documents.Count >= DomainLimits.MaxDocuments
            ? Rejection.Limit($"partnership {Id} already has {DomainLimits.MaxDocuments} documents, the most one partnership may hold")
            : null;
    }

    private static Rejection? CheckValidity(DocumentKind kind, ValidityWindow? validity)
    {
        if (validity is null)
        {
            return null;
        }

        // Only the letter of intent and the agreement are in force for a period; approvals and
        // minutes are records of a moment (docs/domain.md §duration).
        if (kind is not (DocumentKind.LetterOfIntent or DocumentKind.Agreement))
        {
            return Rejection.Invalid("validity", $"a {kind} document has no validity window; only a LetterOfIntent or an Agreement carries one");
        }

        if (validity.Effective == default)
        {
            return Rejection.Invalid("validity.effective", "the validity window needs an effective date");
        }

        return validity.Expires is { } expires && expires <= validity.Effective
            ? Rejection.Invalid("validity.expires", $"the validity window ends {Wording.Date(expires)}, which is not after it takes effect on {Wording.Date(validity.Effective)}")
            : null;
    }

    private Decision<PartnershipEvent> DecideAdvance(AdvanceStage cmd, CommandContext ctx)
    {
        var rejection = Check.Defined(cmd.Target, "target", "the target stage")
            ?? Check.Optional(cmd.Note, "note", "the note", DomainLimits.MaxTextLength)
            ?? StageMachine.CheckMove(Stage, cmd.Target)
            ?? CheckGate(cmd.Target, ctx);
        if (rejection is not null)
        {
            return Decision<PartnershipEvent>.Reject(rejection);
        }

        return Decision<PartnershipEvent>.Accept(new StageAdvanced
        {
            PartnershipId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            From = Stage,
            To = cmd.Target,
            Note = cmd.Note,
        });
    }

    // The document each stage needs before it can be entered (docs/domain.md §stages and §documents; PP 28/2018
    // with Permendagri 25/2020 as mirrored by Kab. Semarang Perda 4/2021).
    private Rejection? CheckGate(PartnershipStage target, CommandContext ctx)
    {
        switch (target)
        {
            case PartnershipStage.LetterOfIntent:
                // Stage 3 of the statutory list: the Pernyataan Kehendak Kerja Sama, signed by both sides.
                return RequireDocument(target, DocumentKind.LetterOfIntent, "the signed letter of intent (Pernyataan Kehendak Kerja Sama)");
            case PartnershipStage.CooperationPlan:
                // Stage 4: the Rencana Kerja Sama (terms of reference and plan of action).
                return RequireDocument(target, DocumentKind.CooperationPlan, "the cooperation plan (Rencana Kerja Sama)");
            case PartnershipStage.CouncilApproval:
                // Stage 5: persetujuan DPRD, a decision of the regional council.
                return RequireDocument(target, DocumentKind.CouncilApproval, "the DPRD approval document");
            case PartnershipStage.CentralReview:
                // The region writes to the Home Affairs Minister asking for facilitation.
                return RequireDocument(target, DocumentKind.MinistryRequest, "the request letter to the Home Affairs Minister");
            case PartnershipStage.Drafting:
                // KSDPL and KSDLL need central-government approval, coordinated by Kemendagri (docs/domain.md §approvals).
                return RequireDocument(target, DocumentKind.CentralApproval, "the central-government approval");
            case PartnershipStage.Signed:
                if (FindDocument(CurrentAgreementId) is not { } agreement)
                {
                    return Rejection.Precondition($"moving to Signed needs the signed agreement (Agreement); none is attached to partnership {Id}");
                }

                // Ties are renewed by new documents when they expire (docs/domain.md §duration), so an agreement
                // must say when it takes effect and, if it does, when it ends.
                return agreement.Validity is null
                    ? Rejection.Precondition($"moving to Signed needs the agreement's validity window; agreement {agreement.Id} has none, so attach the signed agreement with its effective date")
                    : null;
            case PartnershipStage.Implementation when Stage == PartnershipStage.Signed:
                var effective = FindDocument(CurrentAgreementId)?.Validity?.Effective;
                return effective is { } date && ctx.Today < date
                    ? Rejection.Precondition($"moving to Implementation must wait until agreement {CurrentAgreementId} takes effect on {Wording.Date(date)} (today is {Wording.Date(ctx.Today)} UTC)")
                    : null;
            default:
                return null;
        }
    }

    private Rejection? RequireDocument(PartnershipStage target, DocumentKind kind, string description) =>
        HasDocument(kind)
            ? null
            : Rejection.Precondition($"moving to {target} needs {description} ({kind}); none is attached to partnership {Id}");

    private Decision<PartnershipEvent> DecideRenew(RenewPartnership cmd, CommandContext ctx)
    {
        // Renewal replaces a letter of intent (Solo renewed its 2015 LoIs in 2021 to comply with
        // PP 28/2018) or a signed agreement (Denpasar–Mossel Bay's extension MoU, 2023).
        var renewsAgreement = Stage switch
        {
            PartnershipStage.LetterOfIntent => false,
            PartnershipStage.Signed or PartnershipStage.Implementation or PartnershipStage.Evaluation => true,
            PartnershipStage.Expired => CurrentAgreementId is not null,
            _ => (bool?)null,
        };
        if (renewsAgreement is not { } isAgreement)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Precondition(
                $"a partnership at {Stage} cannot be renewed: renewal replaces the letter of intent (at LetterOfIntent) or the signed agreement (at Signed, Implementation, Evaluation or Expired)"));
        }

        var kind = isAgreement ? DocumentKind.Agreement : DocumentKind.LetterOfIntent;
        if (cmd.Kind is { } asked && asked != kind)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Precondition(
                $"partnership {Id} is at {Stage}, where a renewal replaces the {kind} with a new {kind}; the document given is of kind {asked}"));
        }

        if (FindDocument(isAgreement ? CurrentAgreementId : CurrentLetterOfIntentId) is not { } previous)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Precondition($"there is no {kind} attached to partnership {Id} to renew; attach it first"));
        }

        if (cmd.Validity is null)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Invalid("validity", $"the renewed {kind} needs a validity window"));
        }

        var document = new PartnershipDocument
        {
            Id = cmd.DocumentId,
            Kind = kind,
            Number = cmd.Number,
            Date = cmd.Date,
            Place = cmd.Place,
            Title = cmd.Title,
            Signatories = ValueList.From(cmd.Signatories),
            Witnesses = ValueList.From(cmd.Witnesses),
            Validity = cmd.Validity,
            SupersedesDocumentId = previous.Id,
            RecordedAt = ctx.Now,
        };
        var rejection = CheckDocument(document, ctx)
            ?? Check.Required(cmd.Reason, "reason", "the reason for renewal", DomainLimits.MaxTextLength);
        if (rejection is not null)
        {
            return Decision<PartnershipEvent>.Reject(rejection);
        }

        var previousEffective = previous.Validity?.Effective ?? previous.Date;
        if (cmd.Validity.Effective <= previousEffective)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Invalid("validity.effective",
                $"the renewed {kind} must take effect after the one it replaces ({previous.Id}, effective {Wording.Date(previousEffective)}); {Wording.Date(cmd.Validity.Effective)} is not later"));
        }

        return Decision<PartnershipEvent>.Accept(new PartnershipRenewed
        {
            PartnershipId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            PreviousDocumentId = previous.Id,
            Document = document,
            Validity = cmd.Validity,
            Reason = cmd.Reason,
            FromStage = Stage,
            ToStage = StageAfterRenewal(isAgreement, cmd.Validity, ctx),
        });
    }

    // Renewal leaves a live partnership where it is. An expired one resumes: a letter of intent
    // returns to the stage the tie had reached; a renewed agreement is in implementation once it
    // takes effect (the earlier agreement was already signed and carried out), and waits at Signed
    // until then, like a first agreement.
    private PartnershipStage StageAfterRenewal(bool isAgreement, ValidityWindow validity, CommandContext ctx)
    {
        if (Stage != PartnershipStage.Expired)
        {
            return Stage;
        }

        if (!isAgreement)
        {
            return StageBeforeExpiry ?? PartnershipStage.LetterOfIntent;
        }

        return validity.Effective <= ctx.Today ? PartnershipStage.Implementation : PartnershipStage.Signed;
    }

    private Decision<PartnershipEvent> DecideTerminate(TerminatePartnership cmd, CommandContext ctx)
    {
        var rejection = Check.Required(cmd.Reason, "reason", "the reason for termination", DomainLimits.MaxTextLength)
            ?? Check.Set(cmd.EffectiveDate, "effective_date", "the date the termination takes effect");
        if (rejection is not null)
        {
            return Decision<PartnershipEvent>.Reject(rejection);
        }

        return Decision<PartnershipEvent>.Accept(new PartnershipTerminated
        {
            PartnershipId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Reason = cmd.Reason,
            EffectiveDate = cmd.EffectiveDate,
            FromStage = Stage,
        });
    }

    private Decision<PartnershipEvent> DecideFacilitator(AddFacilitator cmd, RegionCatalog catalog, CommandContext ctx)
    {
        var rejection = Check.Required(cmd.Jurisdiction, "jurisdiction", "the facilitator's jurisdiction", DomainLimits.MaxIdLength)
            ?? Check.Required(cmd.Role, "role", "the facilitator's role");
        if (rejection is not null)
        {
            return Decision<PartnershipEvent>.Reject(rejection);
        }

        // A facilitator is a higher jurisdiction (a province such as Jawa Tengah or Fujian) or a
        // ministry for a whole country (docs/domain.md §facilitators).
        var isMinistry = Jurisdictions.IsMinistry(cmd.Jurisdiction);
        var isRegion = !isMinistry && RegionId.TryParse(cmd.Jurisdiction, out var region, out _) && catalog.Contains(region);
        if (!isMinistry && !isRegion)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Invalid("jurisdiction",
                $"'{cmd.Jurisdiction}' is neither a region of the official catalogue (e.g. ID-33) nor a ministry (MINISTRY- and a country code, e.g. MINISTRY-ID)"));
        }

        if (_facilitators.Exists(f => f.Jurisdiction == cmd.Jurisdiction))
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Exists($"{cmd.Jurisdiction} already facilitates partnership {Id}", "jurisdiction"));
        }

        if (_facilitators.Count >= DomainLimits.MaxListItems)
        {
            return Decision<PartnershipEvent>.Reject(Rejection.Limit($"partnership {Id} already has {DomainLimits.MaxListItems} facilitators, the most allowed"));
        }

        return Decision<PartnershipEvent>.Accept(new FacilitatorAdded
        {
            PartnershipId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Jurisdiction = cmd.Jurisdiction,
            Role = cmd.Role,
        });
    }

    private Decision<PartnershipEvent> DecideSectors(UpdatePrioritySectors cmd, CommandContext ctx)
    {
        if (Check.Sectors(cmd.Sectors, "sectors") is { } rejection)
        {
            return Decision<PartnershipEvent>.Reject(rejection);
        }

        var sectors = ValueList.From(cmd.Sectors);

        // Setting the same list again is not a change; the caller's retry should not add history.
        if (sectors.SequenceEqual(PrioritySectors))
        {
            return Decision<PartnershipEvent>.Accept();
        }

        return Decision<PartnershipEvent>.Accept(new PrioritySectorsChanged
        {
            PartnershipId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Previous = ValueList.From(PrioritySectors),
            Sectors = sectors,
        });
    }

    private Decision<PartnershipEvent> DecideDeadlines(CommandContext ctx)
    {
        // A timer may fire early, late or twice; only a window that has really ended expires, once.
        if (NextDeadline is not { } deadline || ctx.Now < deadline)
        {
            return Decision<PartnershipEvent>.Accept();
        }

        return Decision<PartnershipEvent>.Accept(new PartnershipExpired
        {
            PartnershipId = Id,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Expires = Validity!.Expires!.Value,
            DocumentId = GoverningDocumentId ?? string.Empty,
            FromStage = Stage,
        });
    }
}
