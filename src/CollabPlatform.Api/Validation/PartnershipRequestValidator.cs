using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Validation;

/// <summary>One validator per PartnershipService request; each collects every violation of its request.</summary>
internal static class PartnershipRequestValidator
{
    private const string Indonesia = "ID";

    public static Violations Validate(ProposePartnershipRequest request)
    {
        var v = MessageRules.Start(request);
        v.RequestId(request.RequestId);
        var kindKnown = v.Enum(request.Kind, "kind", "the partnership kind", required: true);
        v.Required(request.Title, "title", "the title, e.g. \"Klaten – Nanjing County friendship exchange\"");
        if (v.RegionId(request.LocalRegionId, "local_region_id", required: true, out var local) && local.Country != Indonesia)
        {
            v.Add("local_region_id", $"the local region must be an Indonesian province, regency or city (an id starting with ID-); {local} is in {local.Country}");
        }

        Counterpart(v, request.Counterpart, kindKnown ? request.Kind : PartnershipKind.Unspecified);
        v.Sectors(request.PrioritySectors, "priority_sectors");
        if (v.Enum(request.InitialStage, "initial_stage", "the initial stage", required: false)
            && request.InitialStage is not (PartnershipStage.Unspecified or PartnershipStage.Initiative or PartnershipStage.Exploration))
        {
            v.Add("initial_stage", "a partnership starts at PARTNERSHIP_STAGE_INITIATIVE (the default) or PARTNERSHIP_STAGE_EXPLORATION; later stages are reached by attaching their documents and calling AdvanceStage");
        }

        v.MaxLength(request.Note, "note", "the note", Violations.TextLength);
        return v;
    }

    public static Violations Validate(GetPartnershipRequest request)
    {
        var v = MessageRules.Start(request);
        v.PartnershipId(request.PartnershipId);
        return v;
    }

    /// <summary>Everything but <c>page_token</c>, which is checked against the filters once they are known.</summary>
    public static Violations Validate(ListPartnershipsRequest request)
    {
        var v = MessageRules.Start(request);
        v.PageSize(request.PageSize);
        v.RegionId(request.RegionId, "region_id", required: false, out _);
        v.Jurisdiction(request.FacilitatorId, "facilitator_id", required: false, out _);
        if (v.ListSize(request.Stages.Count, "stages", "stages"))
        {
            for (var i = 0; i < request.Stages.Count; i++)
            {
                v.Enum(request.Stages[i], $"stages[{i}]", $"stage #{i + 1}", required: true);
            }
        }

        v.Sectors(request.Sectors, "sectors");
        v.Enum(request.Kind, "kind", "the kind", required: false);
        v.Enum(request.View, "view", "the view", required: false);
        return v;
    }

    public static Violations Validate(RecordMeetingRequest request)
    {
        var v = Mutation(request, request.RequestId, request.PartnershipId, request.ExpectedVersion);
        v.Meeting(request.Meeting, "meeting");
        return v;
    }

    public static Violations Validate(AttachDocumentRequest request)
    {
        var v = Mutation(request, request.RequestId, request.PartnershipId, request.ExpectedVersion);
        v.Document(request.Document, "document", renewal: false);
        return v;
    }

    public static Violations Validate(AdvanceStageRequest request)
    {
        var v = Mutation(request, request.RequestId, request.PartnershipId, request.ExpectedVersion);
        v.Enum(request.TargetStage, "target_stage", "the target stage", required: true);
        v.MaxLength(request.Note, "note", "the note", Violations.TextLength);
        return v;
    }

    public static Violations Validate(RenewPartnershipRequest request)
    {
        var v = Mutation(request, request.RequestId, request.PartnershipId, request.ExpectedVersion);
        v.Document(request.Document, "document", renewal: true);
        v.Required(request.Reason, "reason", "the reason for the renewal, e.g. \"to comply with PP 28/2018\"", Violations.TextLength);
        return v;
    }

    public static Violations Validate(TerminatePartnershipRequest request)
    {
        var v = Mutation(request, request.RequestId, request.PartnershipId, request.ExpectedVersion);
        v.Required(request.Reason, "reason", "the reason for the termination", Violations.TextLength);
        v.Date(request.EffectiveDate, "effective_date", "the day the termination takes effect", required: true, out _);
        return v;
    }

    public static Violations Validate(UpdatePrioritySectorsRequest request)
    {
        var v = Mutation(request, request.RequestId, request.PartnershipId, request.ExpectedVersion);
        v.Sectors(request.PrioritySectors, "priority_sectors");
        return v;
    }

    public static Violations Validate(AddFacilitatorRequest request)
    {
        var v = Mutation(request, request.RequestId, request.PartnershipId, request.ExpectedVersion);
        v.Jurisdiction(request.JurisdictionId, "jurisdiction_id", required: true, out _);
        v.Required(request.Role, "role", "the facilitator's role, e.g. \"provincial facilitator\"");
        return v;
    }

    private static Violations Mutation(Google.Protobuf.IMessage request, string requestId, string partnershipId, long expectedVersion)
    {
        var v = MessageRules.Start(request);
        v.RequestId(requestId);
        v.PartnershipId(partnershipId);
        v.ExpectedVersion(expectedVersion);
        return v;
    }

    private static void Counterpart(Violations v, Counterpart? counterpart, PartnershipKind kind)
    {
        switch (counterpart?.PartyCase)
        {
            case Contracts.V1.Counterpart.PartyOneofCase.ForeignRegionId:
                if (v.RegionId(counterpart.ForeignRegionId, "counterpart.foreign_region_id", required: true, out var foreign) && foreign.Country == Indonesia)
                {
                    v.Add("counterpart.foreign_region_id", $"the counterpart must be foreign; {foreign} is Indonesian, and cooperation between Indonesian regions is outside this register");
                }

                if (kind == PartnershipKind.Institutional)
                {
                    v.Add("counterpart", "an INSTITUTIONAL partnership (KSDLL, PP 28/2018) is with a foreign institution: set counterpart.institution, or choose another kind for a foreign region");
                }

                break;
            case Contracts.V1.Counterpart.PartyOneofCase.Institution:
                Institution(v, counterpart.Institution);
                if (kind is not (PartnershipKind.Unspecified or PartnershipKind.Institutional))
                {
                    v.Add("counterpart", $"a {ProtoEnumNames.Of(kind)} partnership is with a foreign local government (counterpart.foreign_region_id); a foreign institution needs PARTNERSHIP_KIND_INSTITUTIONAL (KSDLL, PP 28/2018)");
                }

                break;
            default:
                v.Add("counterpart", "the counterpart is required: set foreign_region_id (a foreign region, e.g. CN-350627) or institution (a foreign university, company or agency)");
                break;
        }
    }

    private static void Institution(Violations v, Institution institution)
    {
        const string Field = "counterpart.institution";
        v.Required(institution.Name, Field + ".name", "the institution's name");
        var countryOk = v.Country(institution.Country, Field + ".country", required: true);
        if (countryOk && institution.Country == Indonesia)
        {
            v.Add(Field + ".country", "KSDLL is cooperation with a foreign institution (PP 28/2018); an Indonesian institution cannot be the counterpart");
        }

        if (v.RegionId(institution.RegionId, Field + ".region_id", required: false, out var region)
            && institution.RegionId.Length > 0 && countryOk && region.Country != institution.Country)
        {
            v.Add(Field + ".region_id", $"the institution's region {region} is not in its country {institution.Country}");
        }

        v.MaxLength(institution.Kind, Field + ".kind", "the institution's kind");
    }

}
