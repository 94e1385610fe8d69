using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Regions;
using V1 = CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Mapping;

/// <summary>Partnerships and their commands between the domain and partnership_service.proto.</summary>
internal static class PartnershipMapping
{
    public static V1.PartnershipStage ToProto(this PartnershipStage stage) => EnumMap<PartnershipStage, V1.PartnershipStage>.ToProto(stage);

    public static PartnershipStage ToDomain(this V1.PartnershipStage stage) => EnumMap<PartnershipStage, V1.PartnershipStage>.ToDomain(stage);

    public static V1.PartnershipKind ToProto(this PartnershipKind kind) => EnumMap<PartnershipKind, V1.PartnershipKind>.ToProto(kind);

    public static PartnershipKind ToDomain(this V1.PartnershipKind kind) => EnumMap<PartnershipKind, V1.PartnershipKind>.ToDomain(kind);

    public static V1.DocumentKind ToProto(this DocumentKind kind) => EnumMap<DocumentKind, V1.DocumentKind>.ToProto(kind);

    public static DocumentKind ToDomain(this V1.DocumentKind kind) => EnumMap<DocumentKind, V1.DocumentKind>.ToDomain(kind);

    public static V1.MeetingMode ToProto(this MeetingMode mode) => EnumMap<MeetingMode, V1.MeetingMode>.ToProto(mode);

    public static MeetingMode ToDomain(this V1.MeetingMode mode) => EnumMap<MeetingMode, V1.MeetingMode>.ToDomain(mode);

    /// <summary>The partnership as the contract shows it; BASIC leaves out documents, meetings and history.</summary>
    public static V1.Partnership ToProto(this Partnership partnership, V1.PartnershipView view = V1.PartnershipView.Full)
    {
        var proto = new V1.Partnership
        {
            Id = partnership.Id,
            Version = partnership.Version,
            Kind = partnership.Kind.ToProto(),
            Stage = partnership.Stage.ToProto(),
            Title = partnership.Title,
            LocalRegionId = partnership.LocalRegion.ToString(),
            Counterpart = partnership.Counterpart.ToProto(),
            Validity = partnership.Validity?.ToProto(),
            CreatedAt = partnership.CreatedAt.ToProto(),
            UpdatedAt = partnership.UpdatedAt.ToProto(),
        };
        proto.PrioritySectors.AddRange(partnership.PrioritySectors.Select(CommonMapping.ToProto));
        proto.Facilitators.AddRange(partnership.Facilitators.Select(ToProto));
        if (view != V1.PartnershipView.Basic)
        {
            proto.Documents.AddRange(partnership.Documents.Select(ToProto));
            proto.Meetings.AddRange(partnership.Meetings.Select(ToProto));
            proto.History.AddRange(partnership.History.Select(ToProto));
        }

        return proto;
    }

    public static V1.Counterpart ToProto(this Counterpart counterpart)
    {
        var proto = new V1.Counterpart();
        if (counterpart.Region is { } region)
        {
            proto.ForeignRegionId = region.ToString();
        }
        else if (counterpart.Institution is { } institution)
        {
            proto.Institution = new V1.Institution
            {
                Name = institution.Name,
                Country = institution.Country,
                RegionId = institution.Region?.ToString() ?? string.Empty,
                Kind = institution.Kind ?? string.Empty,
            };
        }

        return proto;
    }

    public static V1.ValidityWindow ToProto(this ValidityWindow validity) => new()
    {
        EffectiveDate = validity.Effective.ToProto(),
        ExpiryDate = validity.Expires.ToProto(),
    };

    public static V1.Document ToProto(this PartnershipDocument document)
    {
        var proto = new V1.Document
        {
            Id = document.Id,
            Kind = document.Kind.ToProto(),
            Number = document.Number ?? string.Empty,
            Date = document.Date.ToProto(),
            Place = document.Place ?? string.Empty,
            Title = document.Title,
            Validity = document.Validity?.ToProto(),
            SupersedesDocumentId = document.SupersedesDocumentId ?? string.Empty,
            RecordedAt = document.RecordedAt.ToProto(),
        };
        proto.Signatories.AddRange(document.Signatories.Select(CommonMapping.ToProto));
        proto.Witnesses.AddRange(document.Witnesses.Select(CommonMapping.ToProto));
        return proto;
    }

    public static V1.Meeting ToProto(this Meeting meeting)
    {
        var proto = new V1.Meeting
        {
            Id = meeting.Id,
            Date = meeting.Date.ToProto(),
            Mode = meeting.Mode.ToProto(),
            Place = meeting.Place ?? string.Empty,
            Summary = meeting.Summary ?? string.Empty,
            Outcome = meeting.Outcome ?? string.Empty,
            RecordedAt = meeting.RecordedAt.ToProto(),
        };
        proto.Participants.AddRange(meeting.Participants.Select(CommonMapping.ToProto));
        proto.NextSteps.AddRange(meeting.NextSteps.Select(s => new V1.NextStep { Description = s.Description, TargetDate = s.TargetDate.ToProto() }));
        return proto;
    }

    public static V1.Facilitator ToProto(this FacilitatorAssignment facilitator) => new()
    {
        JurisdictionId = facilitator.Jurisdiction,
        Role = facilitator.Role,
        AddedAt = facilitator.AddedAt.ToProto(),
        AddedBy = facilitator.AddedBy,
    };

    public static V1.HistoryEntry ToProto(this HistoryEntry entry) => new()
    {
        Sequence = entry.Sequence,
        EventType = EventTypeMapping.ToProto(entry.EventType),
        Actor = entry.Actor,
        OccurredAt = entry.OccurredAt.ToProto(),
        FromStage = entry.FromStage?.ToProto() ?? V1.PartnershipStage.Unspecified,
        ToStage = entry.ToStage?.ToProto() ?? V1.PartnershipStage.Unspecified,
        Note = entry.Note ?? string.Empty,
    };

    /// <summary>The proposal; <paramref name="partnershipId"/> is derived from the caller and request id.</summary>
    public static ProposePartnership ToDomain(this V1.ProposePartnershipRequest request, string partnershipId) => new()
    {
        PartnershipId = partnershipId,
        Kind = request.Kind.ToDomain(),
        Title = request.Title.Trim(),
        LocalRegion = RegionId.Parse(request.LocalRegionId),
        Counterpart = request.Counterpart.ToDomain(),
        PrioritySectors = request.PrioritySectors.ToDomain(),
        InitialStage = request.InitialStage == V1.PartnershipStage.Unspecified ? PartnershipStage.Initiative : request.InitialStage.ToDomain(),
        Note = CommonMapping.Optional(request.Note),
    };

    public static Counterpart ToDomain(this V1.Counterpart counterpart) => counterpart.PartyCase switch
    {
        V1.Counterpart.PartyOneofCase.ForeignRegionId => Counterpart.OfRegion(RegionId.Parse(counterpart.ForeignRegionId)),
        V1.Counterpart.PartyOneofCase.Institution => Counterpart.OfInstitution(new Institution(
            counterpart.Institution.Name.Trim(),
            counterpart.Institution.Country,
            string.IsNullOrEmpty(counterpart.Institution.RegionId) ? null : RegionId.Parse(counterpart.Institution.RegionId),
            CommonMapping.Optional(counterpart.Institution.Kind))),
        _ => throw new ArgumentException("the counterpart names neither a region nor an institution; validate requests before mapping them", nameof(counterpart)),
    };

    public static ValidityWindow ToDomain(this V1.ValidityWindow validity) =>
        new(validity.EffectiveDate.ToDomain(), validity.ExpiryDate.ToDomainOrNull());

    public static RecordMeeting ToDomain(this V1.Meeting meeting, string meetingId) => new()
    {
        MeetingId = meetingId,
        Date = meeting.Date.ToDomain(),
        Mode = meeting.Mode.ToDomain(),
        Place = CommonMapping.Optional(meeting.Place),
        Participants = meeting.Participants.ToDomain(),
        Summary = CommonMapping.Optional(meeting.Summary),
        Outcome = CommonMapping.Optional(meeting.Outcome),
        NextSteps = ValueList.From(meeting.NextSteps.Select(s => new NextStep(s.Description.Trim(), s.TargetDate.ToDomainOrNull()))),
    };

    public static AttachDocument ToDomain(this V1.Document document, string documentId) => new()
    {
        DocumentId = documentId,
        Kind = document.Kind.ToDomain(),
        Number = CommonMapping.Optional(document.Number),
        Date = document.Date.ToDomain(),
        Place = CommonMapping.Optional(document.Place),
        Title = document.Title.Trim(),
        Signatories = document.Signatories.ToDomain(),
        Witnesses = document.Witnesses.ToDomain(),
        Validity = document.Validity?.ToDomain(),
        SupersedesDocumentId = CommonMapping.Optional(document.SupersedesDocumentId),
    };

    public static RenewPartnership ToDomain(this V1.RenewPartnershipRequest request, string documentId) => new()
    {
        DocumentId = documentId,
        Kind = request.Document.Kind.ToDomain(),
        Number = CommonMapping.Optional(request.Document.Number),
        Date = request.Document.Date.ToDomain(),
        Place = CommonMapping.Optional(request.Document.Place),
        Title = request.Document.Title.Trim(),
        Signatories = request.Document.Signatories.ToDomain(),
        Witnesses = request.Document.Witnesses.ToDomain(),
        Validity = request.Document.Validity.ToDomain(),
        Reason = request.Reason.Trim(),
    };
}
