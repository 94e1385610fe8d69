using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Tests.Validation;

public sealed class PartnershipRequestValidatorTests
{
    public static TheoryData<string, Action<ProposePartnershipRequest>> ProposalMistakes => new()
    {
        { "request_id", r => r.RequestId = string.Empty },
        { "request_id", r => r.RequestId = new string('r', 101) },
        { "request_id", r => r.RequestId = "two words" },
        { "kind", r => r.Kind = PartnershipKind.Unspecified },
        { "kind", r => r.Kind = (PartnershipKind)42 },
        { "title", r => r.Title = "   " },
        { "title", r => r.Title = new string('t', 201) },
        { "title", r => r.Title = "Klaten\0Nanjing" },
        { "local_region_id", r => r.LocalRegionId = string.Empty },
        { "local_region_id", r => r.LocalRegionId = "Klaten" },
        { "local_region_id", r => r.LocalRegionId = "CN-350627" },
        { "counterpart", r => r.Counterpart = null },
        { "counterpart", r => r.Counterpart = new Counterpart() },
        { "counterpart.foreign_region_id", r => r.Counterpart.ForeignRegionId = "ID-33.72" },
        { "counterpart.foreign_region_id", r => r.Counterpart.ForeignRegionId = "CN-35" },
        { "counterpart", r => r.Kind = PartnershipKind.Institutional },
        { "priority_sectors[1]", r => r.PrioritySectors[1] = Sector.Unspecified },
        { "priority_sectors[0]", r => r.PrioritySectors[0] = (Sector)99 },
        { "priority_sectors", r => r.PrioritySectors.AddRange(Enumerable.Repeat(Sector.Tourism, 50)) },
        { "initial_stage", r => r.InitialStage = PartnershipStage.Signed },
        { "initial_stage", r => r.InitialStage = (PartnershipStage)77 },
        { "note", r => r.Note = new string('n', 4001) },
    };

    public static TheoryData<string, Action<ProposePartnershipRequest>> InstitutionMistakes => new()
    {
        { "counterpart.institution.name", r => r.Counterpart.Institution.Name = string.Empty },
        { "counterpart.institution.country", r => r.Counterpart.Institution.Country = string.Empty },
        { "counterpart.institution.country", r => r.Counterpart.Institution.Country = "jp" },
        { "counterpart.institution.country", r => r.Counterpart.Institution.Country = "ID" },
        { "counterpart.institution.region_id", r => r.Counterpart.Institution.RegionId = "KR-36330" },
        { "counterpart.institution.region_id", r => r.Counterpart.Institution.RegionId = "JP-x" },
        { "counterpart.institution.kind", r => r.Counterpart.Institution.Kind = new string('k', 201) },
        { "counterpart", r => r.Kind = PartnershipKind.SisterCity },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void Validate_StoryProposal_HasNoViolations(string title, ProposePartnershipRequest request)
    {
        var violations = PartnershipRequestValidator.Validate(request);

        Assert.True(violations.IsValid, $"{title}: {string.Join("; ", violations.Items)}");
    }

    public static TheoryData<string, ProposePartnershipRequest> Stories()
    {
        var data = new TheoryData<string, ProposePartnershipRequest>();
        foreach (var request in StoryRequests.All())
        {
            data.Add(request.Title, request);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProposalMistakes))]
    public void Validate_ProposalWithOneMistake_NamesTheField(string field, Action<ProposePartnershipRequest> mistake)
    {
        var request = StoryRequests.KlatenNanjing();
        mistake(request);

        var violations = PartnershipRequestValidator.Validate(request);

        Assert.Contains(field, violations.Fields);
    }

    [Theory]
    [MemberData(nameof(InstitutionMistakes))]
    public void Validate_InstitutionWithOneMistake_NamesTheField(string field, Action<ProposePartnershipRequest> mistake)
    {
        var request = StoryRequests.MuaraEnimJapan();
        mistake(request);

        var violations = PartnershipRequestValidator.Validate(request);

        Assert.Contains(field, violations.Fields);
    }

    [Fact]
    public void Validate_ProposalWithManyMistakes_ReportsEveryOneAtOnce()
    {
        var request = new ProposePartnershipRequest { Title = "\u0001", LocalRegionId = "nowhere", PrioritySectors = { Sector.Unspecified } };

        var violations = PartnershipRequestValidator.Validate(request);

        Assert.Equal(
            ["title", "request_id", "kind", "local_region_id", "counterpart", "priority_sectors[0]"],
            violations.Fields);
        var ex = Assert.Throws<Grpc.Core.RpcException>(violations.ThrowIfInvalid);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(violations.Fields, RpcAssert.ViolatedFields(ex));
    }

    public static TheoryData<string, Action<AttachDocumentRequest>> DocumentMistakes => new()
    {
        { "partnership_id", r => r.PartnershipId = "X-1" },
        { "partnership_id", r => r.PartnershipId = string.Empty },
        { "expected_version", r => r.ExpectedVersion = -1 },
        { "document", r => r.Document = null },
        { "document.kind", r => r.Document.Kind = DocumentKind.Unspecified },
        { "document.number", r => r.Document.Number = new string('1', 201) },
        { "document.date", r => r.Document.Date = null },
        { "document.date", r => r.Document.Date = StoryRequests.Date(2025, 2, 30) },
        { "document.date", r => r.Document.Date = StoryRequests.Date(0, 6, 24) },
        { "document.place", r => r.Document.Place = new string('p', 201) },
        { "document.title", r => r.Document.Title = string.Empty },
        { "document.signatories[0].name", r => r.Document.Signatories[0].Name = string.Empty },
        { "document.signatories[1].side", r => r.Document.Signatories[1].Side = PartySide.Unspecified },
        { "document.witnesses[0].title", r => r.Document.Witnesses[0].Title = new string('t', 201) },
        { "document.witnesses", r => r.Document.Witnesses.AddRange(Enumerable.Range(0, 100).Select(_ => new Person { Name = "n", Side = PartySide.Local })) },
        { "document.validity", r => r.Document.Validity = new ValidityWindow { EffectiveDate = StoryRequests.Date(2025, 6, 24) } },
        { "document.supersedes_document_id", r => r.Document.SupersedesDocumentId = "D 1" },
    };

    [Theory]
    [MemberData(nameof(DocumentMistakes))]
    public void Validate_DocumentWithOneMistake_NamesTheField(string field, Action<AttachDocumentRequest> mistake)
    {
        var request = new AttachDocumentRequest { RequestId = "attach-1", PartnershipId = "P-ABC", Document = StoryRequests.SemarangMinutes() };
        Assert.True(PartnershipRequestValidator.Validate(request).IsValid);
        mistake(request);

        var violations = PartnershipRequestValidator.Validate(request);

        Assert.Contains(field, violations.Fields);
    }

    [Fact]
    public void Validate_LetterOfIntentWithBackwardsWindow_NamesTheExpiryDate()
    {
        var document = StoryRequests.SoloLetterOfIntent2015();
        document.Validity.ExpiryDate = StoryRequests.Date(2015, 1, 1);

        var violations = PartnershipRequestValidator.Validate(new AttachDocumentRequest { RequestId = "r", PartnershipId = "P-1", Document = document });

        Assert.Equal(["document.validity.expiry_date"], violations.Fields);
    }

    public static TheoryData<string, Action<RecordMeetingRequest>> MeetingMistakes => new()
    {
        { "meeting", r => r.Meeting = null },
        { "meeting.date", r => r.Meeting.Date = null },
        { "meeting.mode", r => r.Meeting.Mode = MeetingMode.Unspecified },
        { "meeting.place", r => r.Meeting.Place = new string('p', 201) },
        { "meeting.participants[1].side", r => r.Meeting.Participants[1].Side = (PartySide)9 },
        { "meeting.summary", r => r.Meeting.Summary = new string('s', 4001) },
        { "meeting.outcome", r => r.Meeting.Outcome = new string('o', 4001) },
        { "meeting.next_steps[0].description", r => r.Meeting.NextSteps[0].Description = " " },
        { "meeting.next_steps[1].target_date", r => r.Meeting.NextSteps[1].TargetDate = StoryRequests.Date(2025, 7, 21) },
        { "meeting.next_steps[1].target_date", r => r.Meeting.NextSteps[1].TargetDate = StoryRequests.Date(2025, 13, 1) },
        { "meeting.next_steps", r => r.Meeting.NextSteps.AddRange(Enumerable.Range(0, 49).Select(_ => new NextStep { Description = "d" })) },
        { "request_id", r => r.RequestId = string.Empty },
    };

    [Theory]
    [MemberData(nameof(MeetingMistakes))]
    public void Validate_MeetingWithOneMistake_NamesTheField(string field, Action<RecordMeetingRequest> mistake)
    {
        var request = new RecordMeetingRequest { RequestId = "meeting-1", PartnershipId = "P-ABC", Meeting = StoryRequests.VirtualMeeting() };
        Assert.True(PartnershipRequestValidator.Validate(request).IsValid);
        mistake(request);

        var violations = PartnershipRequestValidator.Validate(request);

        Assert.Contains(field, violations.Fields);
    }

    [Fact]
    public void Validate_Advance_NeedsATargetStage()
    {
        var violations = PartnershipRequestValidator.Validate(new AdvanceStageRequest { RequestId = "a", PartnershipId = "P-1", Note = new string('n', 4001) });

        Assert.Equal(["target_stage", "note"], violations.Fields);
    }

    [Fact]
    public void Validate_RenewalWithAMinutesDocumentAndNoReason_NamesKindValidityAndReason()
    {
        var request = new RenewPartnershipRequest { RequestId = "renew", PartnershipId = "P-1", Document = StoryRequests.SemarangMinutes() };

        var violations = PartnershipRequestValidator.Validate(request);

        Assert.Equal(["document.kind", "document.validity", "reason"], violations.Fields);
    }

    [Fact]
    public void Validate_RenewalWithoutDocument_NamesTheDocument()
    {
        var violations = PartnershipRequestValidator.Validate(new RenewPartnershipRequest { RequestId = "renew", PartnershipId = "P-1", Reason = "PP 28/2018" });

        Assert.Equal(["document"], violations.Fields);
    }

    [Fact]
    public void Validate_Termination_NeedsReasonAndEffectiveDate()
    {
        var violations = PartnershipRequestValidator.Validate(new TerminatePartnershipRequest { RequestId = "t", PartnershipId = "P-1" });

        Assert.Equal(["reason", "effective_date"], violations.Fields);
    }

    [Fact]
    public void Validate_SectorsUpdate_RefusesUnsetAndTooMany()
    {
        var request = new UpdatePrioritySectorsRequest { RequestId = "s", PartnershipId = "P-1", PrioritySectors = { Sector.Unspecified } };
        var tooMany = new UpdatePrioritySectorsRequest { RequestId = "s", PartnershipId = "P-1" };
        tooMany.PrioritySectors.AddRange(Enumerable.Repeat(Sector.Tourism, 51));

        Assert.Equal(["priority_sectors[0]"], PartnershipRequestValidator.Validate(request).Fields);
        Assert.Equal(["priority_sectors"], PartnershipRequestValidator.Validate(tooMany).Fields);
        Assert.True(PartnershipRequestValidator.Validate(new UpdatePrioritySectorsRequest { RequestId = "s", PartnershipId = "P-1" }).IsValid);
    }

    [Theory]
    [InlineData("ID-33", true)]
    [InlineData("MINISTRY-ID", true)]
    [InlineData("MINISTRY-id", false)]
    [InlineData("MINISTRY-IDN", false)]
    [InlineData("Jawa Tengah", false)]
    [InlineData("", false)]
    public void Validate_Facilitator_AcceptsRegionsAndMinistries(string jurisdiction, bool valid)
    {
        var violations = PartnershipRequestValidator.Validate(new AddFacilitatorRequest { RequestId = "f", PartnershipId = "P-1", JurisdictionId = jurisdiction, Role = "provincial facilitator" });

        Assert.Equal(valid ? [] : ["jurisdiction_id"], violations.Fields);
    }

    [Fact]
    public void Validate_FacilitatorWithoutRole_NamesTheRole()
    {
        var violations = PartnershipRequestValidator.Validate(new AddFacilitatorRequest { RequestId = "f", PartnershipId = "P-1", JurisdictionId = "ID-33" });

        Assert.Equal(["role"], violations.Fields);
    }

    [Fact]
    public void Validate_Get_NeedsAPartnershipId()
    {
        Assert.Equal(["partnership_id"], PartnershipRequestValidator.Validate(new GetPartnershipRequest()).Fields);
        Assert.Equal(["partnership_id"], PartnershipRequestValidator.Validate(new GetPartnershipRequest { PartnershipId = "P-" + new string('X', 99) }).Fields);
        Assert.True(PartnershipRequestValidator.Validate(new GetPartnershipRequest { PartnershipId = "P-7QK2M4XW9TZB3HDA" }).IsValid);
    }

    [Fact]
    public void Validate_ListWithBadFilters_NamesEachFilter()
    {
        var request = new ListPartnershipsRequest
        {
            PageSize = -1,
            RegionId = "Jawa Tengah",
            FacilitatorId = "MINISTRY-X",
            Stages = { PartnershipStage.Unspecified },
            Sectors = { (Sector)100 },
            Kind = (PartnershipKind)9,
            View = (PartnershipView)3,
        };

        var violations = PartnershipRequestValidator.Validate(request);

        Assert.Equal(["page_size", "region_id", "facilitator_id", "stages[0]", "sectors[0]", "kind", "view"], violations.Fields);
    }

    [Fact]
    public void Validate_ListWithoutFilters_IsValid()
    {
        Assert.True(PartnershipRequestValidator.Validate(new ListPartnershipsRequest { PageSize = 500 }).IsValid);
    }
}
