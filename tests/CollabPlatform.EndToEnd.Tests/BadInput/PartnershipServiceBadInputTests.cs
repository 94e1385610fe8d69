using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;
using static CollabPlatform.EndToEnd.Tests.BadInput.BadInputRunner;
using Date = Google.Type.Date;

namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>Generated bad input against every PartnershipService rpc; the target partnership's version never moves.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class PartnershipServiceBadInputTests(ApiHostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task ProposePartnership_GeneratedBadProposals_AreClientErrorsAndCreateNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var before = await targets.PartnershipCountAsync();
        var cases = Cases(
            () => BadInputTargets.ValidProposal(BadInputTargets.NewRequestId()),
            Set<ProposePartnershipRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<ProposePartnershipRequest, int>("kind", BadValues.UnknownEnum, (r, v) => r.Kind = (PartnershipKind)v),
            Fixed<ProposePartnershipRequest>("kind=UNSPECIFIED", r => r.Kind = PartnershipKind.Unspecified),
            Set<ProposePartnershipRequest, string>("title", BadValues.Blank, (r, v) => r.Title = v),
            Set<ProposePartnershipRequest, string>("title", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Title = v),
            Set<ProposePartnershipRequest, string>("local_region_id", BadValues.BadRegionId, (r, v) => r.LocalRegionId = v),
            Set<ProposePartnershipRequest, string>("local_region_id", Gen.OneOf("CN-350627", "KR-36330", "JP-01"), (r, v) => r.LocalRegionId = v),
            Set<ProposePartnershipRequest, string>("counterpart.foreign_region_id", BadValues.BadRegionId, (r, v) => r.Counterpart.ForeignRegionId = v),
            Set<ProposePartnershipRequest, string>("counterpart.foreign_region_id", Gen.OneOf("ID-33.10", "ID-33", "ID-35.73"), (r, v) => r.Counterpart.ForeignRegionId = v),
            Fixed<ProposePartnershipRequest>("counterpart=institution without a name", r => r.Counterpart = new Counterpart { Institution = new Institution { Name = "", Country = "JP" } }),
            Set<ProposePartnershipRequest, string>("counterpart.institution.country", Gen.OneOf("", "JPN", "j", "ID", "12"), (r, v) =>
            {
                r.Kind = PartnershipKind.Institutional;
                r.Counterpart = new Counterpart { Institution = new Institution { Name = "Hakodate University", Country = v } };
            }),
            Fixed<ProposePartnershipRequest>("INSTITUTIONAL kind with a region counterpart", r => r.Kind = PartnershipKind.Institutional),
            Set<ProposePartnershipRequest, int>("priority_sectors[]", BadValues.UnknownEnum, (r, v) => r.PrioritySectors.Add((Sector)v)),
            Fixed<ProposePartnershipRequest>("priority_sectors[]=UNSPECIFIED", r => r.PrioritySectors.Add(Sector.Unspecified)),
            Set<ProposePartnershipRequest, PartnershipStage>("initial_stage", Gen.OneOf(PartnershipStage.LetterOfIntent, PartnershipStage.Signed, PartnershipStage.Terminated, PartnershipStage.Expired), (r, v) => r.InitialStage = v),
            Set<ProposePartnershipRequest, int>("initial_stage", BadValues.UnknownEnum, (r, v) => r.InitialStage = (PartnershipStage)v),
            Set<ProposePartnershipRequest, string>("note", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Note = v),
            Fixed<ProposePartnershipRequest>("counterpart=unset", r => r.Counterpart = null, removes: true),
            Fixed<ProposePartnershipRequest>("counterpart=empty", r => r.Counterpart = new Counterpart(), removes: true));

        await RunAsync(host, output, "ProposePartnership", cases, async r => await targets.Client.Partnerships.ProposePartnershipAsync(r));

        Assert.Equal(before, await targets.PartnershipCountAsync());
    }

    [Fact]
    public async Task GetPartnership_GeneratedBadIds_AreClientErrors()
    {
        var cases = Cases(() => new GetPartnershipRequest(), Set<GetPartnershipRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v));

        await RunAsync(host, output, "GetPartnership", cases, async r => await host.Client.Partnerships.GetPartnershipAsync(r));
    }

    [Fact]
    public async Task ListPartnerships_GeneratedBadFiltersAndTokens_AreClientErrors()
    {
        var cases = Cases(
            () => new ListPartnershipsRequest { RegionId = "ID-35" },
            Set<ListPartnershipsRequest, string>("page_token", BadValues.BadToken, (r, v) => r.PageToken = v),
            Set<ListPartnershipsRequest, string>("region_id", BadValues.BadRegionId.Where(s => s.Trim().Length > 0), (r, v) => r.RegionId = v),
            Set<ListPartnershipsRequest, string>("facilitator_id", Gen.OneOf(BadValues.BadRegionId.Where(s => s.Trim().Length > 0), Gen.OneOf("MINISTRY-", "MINISTRY-XXX", "MINISTRY-1D")), (r, v) => r.FacilitatorId = v),
            Set<ListPartnershipsRequest, int>("stages[]", BadValues.UnknownEnum, (r, v) => r.Stages.Add((PartnershipStage)v)),
            Set<ListPartnershipsRequest, int>("sectors[]", BadValues.UnknownEnum, (r, v) => r.Sectors.Add((Sector)v)),
            Set<ListPartnershipsRequest, int>("kind", BadValues.UnknownEnum, (r, v) => r.Kind = (PartnershipKind)v),
            Set<ListPartnershipsRequest, int>("view", BadValues.UnknownEnum, (r, v) => r.View = (PartnershipView)v),
            Set<ListPartnershipsRequest, int>("stages[]", Gen.Int[BadValues.ListLimit + 1, 120], (r, n) => r.Stages.AddRange(Enumerable.Repeat(PartnershipStage.Signed, n))));

        await RunAsync(host, output, "ListPartnerships", cases, async r => await host.Client.Partnerships.ListPartnershipsAsync(r));
    }

    [Fact]
    public async Task RecordMeeting_GeneratedBadMeetings_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var id = targets.Partnership.Id;
        var cases = Cases(
            () => new RecordMeetingRequest
            {
                RequestId = BadInputTargets.NewRequestId(),
                PartnershipId = id,
                Meeting = new Meeting
                {
                    Date = new Date { Year = 2024, Month = 3, Day = 1 },
                    Mode = MeetingMode.Virtual,
                    Participants = { new Person { Name = "Bagian Kerja Sama", Side = PartySide.Local } },
                    Summary = "coordination",
                    NextSteps = { new NextStep { Description = "draft a plan" } },
                },
            },
            Set<RecordMeetingRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<RecordMeetingRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v),
            Set<RecordMeetingRequest, Date>("meeting.date", BadValues.BadDate, (r, v) => r.Meeting.Date = v),
            Set<RecordMeetingRequest, Date>("meeting.date", BadValues.FutureDate, (r, v) => r.Meeting.Date = v),
            Fixed<RecordMeetingRequest>("meeting.date=unset", r => r.Meeting.Date = null),
            Fixed<RecordMeetingRequest>("meeting.mode=UNSPECIFIED", r => r.Meeting.Mode = MeetingMode.Unspecified),
            Set<RecordMeetingRequest, int>("meeting.mode", BadValues.UnknownEnum, (r, v) => r.Meeting.Mode = (MeetingMode)v),
            Set<RecordMeetingRequest, string>("meeting.place", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Meeting.Place = v),
            Set<RecordMeetingRequest, int>("meeting.participants[]", Gen.Int[BadValues.PeopleLimit + 1, 250], (r, n) => r.Meeting.Participants.AddRange(Enumerable.Range(0, n).Select(i => new Person { Name = $"Person {i}", Side = PartySide.Local }))),
            Set<RecordMeetingRequest, string>("meeting.participants[0].name", BadValues.Blank, (r, v) => r.Meeting.Participants[0].Name = v),
            Set<RecordMeetingRequest, int>("meeting.participants[0].side", BadValues.UnknownEnum, (r, v) => r.Meeting.Participants[0].Side = (PartySide)v),
            Fixed<RecordMeetingRequest>("meeting.participants[0].side=UNSPECIFIED", r => r.Meeting.Participants[0].Side = PartySide.Unspecified),
            Set<RecordMeetingRequest, string>("meeting.summary", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Meeting.Summary = v),
            Set<RecordMeetingRequest, string>("meeting.outcome", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Meeting.Outcome = v),
            Set<RecordMeetingRequest, int>("meeting.next_steps[]", Gen.Int[BadValues.ListLimit + 1, 150], (r, n) => r.Meeting.NextSteps.AddRange(Enumerable.Range(0, n).Select(i => new NextStep { Description = $"step {i}" }))),
            Set<RecordMeetingRequest, string>("meeting.next_steps[0].description", BadValues.Blank, (r, v) => r.Meeting.NextSteps[0].Description = v),
            Fixed<RecordMeetingRequest>("meeting.next_steps[0].target_date=before the meeting", r => r.Meeting.NextSteps[0].TargetDate = new Date { Year = 2023, Month = 1, Day = 1 }),
            Set<RecordMeetingRequest, Date>("meeting.next_steps[0].target_date", BadValues.BadDate, (r, v) => r.Meeting.NextSteps[0].TargetDate = v),
            Fixed<RecordMeetingRequest>("meeting=unset", r => r.Meeting = null, removes: true));

        await RunAsync(host, output, "RecordMeeting", cases, async r => await targets.Client.Partnerships.RecordMeetingAsync(r));

        Assert.Equal(targets.Partnership.Version, await targets.PartnershipVersionAsync(id));
    }

    [Fact]
    public async Task AttachDocument_GeneratedBadDocuments_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var id = targets.Partnership.Id;
        var cases = Cases(
            () => new AttachDocumentRequest
            {
                RequestId = BadInputTargets.NewRequestId(),
                PartnershipId = id,
                Document = new Document
                {
                    Kind = DocumentKind.Other,
                    Date = new Date { Year = 2024, Month = 2, Day = 1 },
                    Title = "Notes of a coordination call",
                    Signatories = { new Person { Name = "Kepala Bagian Kerja Sama", Side = PartySide.Local } },
                },
            },
            Set<AttachDocumentRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<AttachDocumentRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v),
            Fixed<AttachDocumentRequest>("document.kind=UNSPECIFIED", r => r.Document.Kind = DocumentKind.Unspecified),
            Set<AttachDocumentRequest, int>("document.kind", BadValues.UnknownEnum, (r, v) => r.Document.Kind = (DocumentKind)v),
            Set<AttachDocumentRequest, Date>("document.date", BadValues.BadDate, (r, v) => r.Document.Date = v),
            Set<AttachDocumentRequest, Date>("document.date", BadValues.FutureDate, (r, v) => r.Document.Date = v),
            Fixed<AttachDocumentRequest>("document.date=unset", r => r.Document.Date = null),
            Set<AttachDocumentRequest, string>("document.title", BadValues.Blank, (r, v) => r.Document.Title = v),
            Set<AttachDocumentRequest, string>("document.title", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Document.Title = v),
            Set<AttachDocumentRequest, string>("document.number", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Document.Number = v),
            Set<AttachDocumentRequest, string>("document.place", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Document.Place = v),
            Set<AttachDocumentRequest, int>("document.signatories[]", Gen.Int[BadValues.PeopleLimit + 1, 250], (r, n) => r.Document.Signatories.AddRange(Enumerable.Range(0, n).Select(i => new Person { Name = $"Signatory {i}", Side = PartySide.Foreign }))),
            Set<AttachDocumentRequest, string>("document.signatories[0].title", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Document.Signatories[0].Title = v),
            Set<AttachDocumentRequest, int>("document.witnesses[].side", BadValues.UnknownEnum, (r, v) => r.Document.Witnesses.Add(new Person { Name = "Witness", Side = (PartySide)v })),
            Fixed<AttachDocumentRequest>("document.validity on an OTHER document", r =>
            {
                // Sets the kind too, so that combined with another case the request stays invalid.
                r.Document.Kind = DocumentKind.Other;
                r.Document.Validity = new ValidityWindow { EffectiveDate = new Date { Year = 2024, Month = 2, Day = 1 } };
            }),
            Fixed<AttachDocumentRequest>("document.validity ends before it starts", r =>
            {
                r.Document.Kind = DocumentKind.Agreement;
                r.Document.Validity = new ValidityWindow { EffectiveDate = new Date { Year = 2024, Month = 2, Day = 1 }, ExpiryDate = new Date { Year = 2023, Month = 2, Day = 1 } };
            }),
            Set<AttachDocumentRequest, Date>("document.validity.effective_date", BadValues.BadDate, (r, v) =>
            {
                r.Document.Kind = DocumentKind.Agreement;
                r.Document.Validity = new ValidityWindow { EffectiveDate = v };
            }),
            Set<AttachDocumentRequest, string>("document.supersedes_document_id", Gen.OneOf(Gen.Const("D-does-not-exist"), BadValues.TooLong(BadValues.IdLimit)), (r, v) => r.Document.SupersedesDocumentId = v),
            Fixed<AttachDocumentRequest>("document=unset", r => r.Document = null, removes: true));

        await RunAsync(host, output, "AttachDocument", cases, async r => await targets.Client.Partnerships.AttachDocumentAsync(r));

        Assert.Equal(targets.Partnership.Version, await targets.PartnershipVersionAsync(id));
    }

    [Fact]
    public async Task AdvanceStage_GeneratedBadTargets_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var id = targets.Partnership.Id;

        // The target sits at LETTER_OF_INTENT without a cooperation plan: no stage is reachable.
        var cases = Cases(
            () => new AdvanceStageRequest { RequestId = BadInputTargets.NewRequestId(), PartnershipId = id, TargetStage = PartnershipStage.CooperationPlan },
            Set<AdvanceStageRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<AdvanceStageRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v),
            Set<AdvanceStageRequest, PartnershipStage>("target_stage", Gen.Enum<PartnershipStage>().Where(s => s != PartnershipStage.CooperationPlan), (r, v) => r.TargetStage = v),
            Set<AdvanceStageRequest, int>("target_stage", BadValues.UnknownEnum, (r, v) => r.TargetStage = (PartnershipStage)v),
            Set<AdvanceStageRequest, string>("note", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Note = v));

        await RunAsync(host, output, "AdvanceStage", cases, async r => await targets.Client.Partnerships.AdvanceStageAsync(r));

        Assert.Equal(targets.Partnership.Version, await targets.PartnershipVersionAsync(id));
    }

    [Fact]
    public async Task RenewPartnership_GeneratedBadRenewals_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var id = targets.Partnership.Id;
        var cases = Cases(
            () => new RenewPartnershipRequest
            {
                RequestId = BadInputTargets.NewRequestId(),
                PartnershipId = id,
                Reason = "renewed to comply with PP 28/2018",
                Document = new Document
                {
                    Kind = DocumentKind.LetterOfIntent,
                    Date = new Date { Year = 2024, Month = 6, Day = 3 },
                    Title = "Renewed letter of intent",
                    Validity = new ValidityWindow { EffectiveDate = new Date { Year = 2024, Month = 6, Day = 3 }, ExpiryDate = new Date { Year = 2034, Month = 6, Day = 2 } },
                },
            },
            Set<RenewPartnershipRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<RenewPartnershipRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v),
            Set<RenewPartnershipRequest, string>("reason", BadValues.Blank, (r, v) => r.Reason = v),
            Set<RenewPartnershipRequest, string>("reason", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Reason = v),
            Set<RenewPartnershipRequest, DocumentKind>("document.kind", Gen.OneOf(DocumentKind.Unspecified, DocumentKind.Agreement, DocumentKind.MinutesOfMeeting, DocumentKind.CouncilApproval), (r, v) => r.Document.Kind = v),
            Set<RenewPartnershipRequest, int>("document.kind", BadValues.UnknownEnum, (r, v) => r.Document.Kind = (DocumentKind)v),
            Fixed<RenewPartnershipRequest>("document.validity=unset", r => r.Document?.Validity = null, removes: true),
            Fixed<RenewPartnershipRequest>("document.validity takes effect before the letter it replaces", r => r.Document.Validity.EffectiveDate = new Date { Year = 2023, Month = 1, Day = 1 }),
            Set<RenewPartnershipRequest, Date>("document.validity.expiry_date", BadValues.BadDate, (r, v) => r.Document.Validity.ExpiryDate = v),
            Set<RenewPartnershipRequest, Date>("document.date", BadValues.BadDate, (r, v) => r.Document.Date = v),
            Set<RenewPartnershipRequest, string>("document.title", BadValues.Blank, (r, v) => r.Document.Title = v),
            Fixed<RenewPartnershipRequest>("document=unset", r => r.Document = null, removes: true));

        await RunAsync(host, output, "RenewPartnership", cases, async r => await targets.Client.Partnerships.RenewPartnershipAsync(r));

        Assert.Equal(targets.Partnership.Version, await targets.PartnershipVersionAsync(id));
    }

    [Fact]
    public async Task TerminatePartnership_GeneratedBadTerminations_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var id = targets.Partnership.Id;
        var cases = Cases(
            () => new TerminatePartnershipRequest { RequestId = BadInputTargets.NewRequestId(), PartnershipId = id, Reason = "ended by both sides", EffectiveDate = new Date { Year = 2025, Month = 1, Day = 1 } },
            Set<TerminatePartnershipRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<TerminatePartnershipRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v),
            Set<TerminatePartnershipRequest, string>("reason", BadValues.Blank, (r, v) => r.Reason = v),
            Set<TerminatePartnershipRequest, string>("reason", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Reason = v),
            Set<TerminatePartnershipRequest, Date>("effective_date", BadValues.BadDate, (r, v) => r.EffectiveDate = v),
            Fixed<TerminatePartnershipRequest>("effective_date=unset", r => r.EffectiveDate = null));

        await RunAsync(host, output, "TerminatePartnership", cases, async r => await targets.Client.Partnerships.TerminatePartnershipAsync(r));

        var stored = (await targets.Client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;
        Assert.Equal((targets.Partnership.Version, PartnershipStage.LetterOfIntent), (stored.Version, stored.Stage));
    }

    [Fact]
    public async Task UpdatePrioritySectors_GeneratedBadSectors_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var id = targets.Partnership.Id;
        var cases = Cases(
            () => new UpdatePrioritySectorsRequest { RequestId = BadInputTargets.NewRequestId(), PartnershipId = id, PrioritySectors = { Sector.Education, Sector.Culture } },
            Set<UpdatePrioritySectorsRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<UpdatePrioritySectorsRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v),
            Set<UpdatePrioritySectorsRequest, int>("priority_sectors[]", BadValues.UnknownEnum, (r, v) => r.PrioritySectors.Add((Sector)v)),
            Fixed<UpdatePrioritySectorsRequest>("priority_sectors[]=UNSPECIFIED", r => r.PrioritySectors.Insert(0, Sector.Unspecified)));

        await RunAsync(host, output, "UpdatePrioritySectors", cases, async r => await targets.Client.Partnerships.UpdatePrioritySectorsAsync(r));

        Assert.Equal(targets.Partnership.Version, await targets.PartnershipVersionAsync(id));
    }

    [Fact]
    public async Task AddFacilitator_GeneratedBadFacilitators_AreClientErrorsAndChangeNothing()
    {
        var targets = await BadInputTargets.CreateAsync(host);
        var id = targets.Partnership.Id;
        var cases = Cases(
            () => new AddFacilitatorRequest { RequestId = BadInputTargets.NewRequestId(), PartnershipId = id, JurisdictionId = "ID-35", Role = "provincial facilitator" },
            Set<AddFacilitatorRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<AddFacilitatorRequest, string>("partnership_id", BadValues.BadPartnershipId, (r, v) => r.PartnershipId = v),
            Set<AddFacilitatorRequest, string>("jurisdiction_id", BadValues.BadRegionId, (r, v) => r.JurisdictionId = v),
            Set<AddFacilitatorRequest, string>("jurisdiction_id", Gen.OneOf("MINISTRY-", "MINISTRY-XXX", "MINISTRY-1D", "MINISTRY", "ministry-id "), (r, v) => r.JurisdictionId = v),
            Set<AddFacilitatorRequest, string>("role", BadValues.Blank, (r, v) => r.Role = v),
            Set<AddFacilitatorRequest, string>("role", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Role = v));

        await RunAsync(host, output, "AddFacilitator", cases, async r => await targets.Client.Partnerships.AddFacilitatorAsync(r));

        Assert.Equal(targets.Partnership.Version, await targets.PartnershipVersionAsync(id));
    }
}
