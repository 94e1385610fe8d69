using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Regions;
using DomainJointProgram = CollabPlatform.Domain.JointPrograms.JointProgram;
using DomainPartnership = CollabPlatform.Domain.Partnerships.Partnership;
using DomainStage = CollabPlatform.Domain.Partnerships.PartnershipStage;
using Sector = CollabPlatform.Contracts.V1.Sector;

namespace CollabPlatform.Api.Tests.Mapping;

/// <summary>The stories go in as requests, through the domain, and come back out as the same data.</summary>
public sealed class StoryMappingTests
{
    private static readonly CommandContext Official = new("official:ID-33.10", new DateTimeOffset(2025, 8, 1, 3, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Stories()
    {
        var data = new TheoryData<string>();
        foreach (var request in StoryRequests.All())
        {
            data.Add(request.RequestId);
        }

        return data;
    }

    private static ProposePartnershipRequest Story(string requestId) => StoryRequests.All().Single(r => r.RequestId == requestId);

    private static DomainPartnership Proposed(ProposePartnershipRequest request, string id = "P-STORY")
    {
        var decision = DomainPartnership.Propose(request.ToDomain(id), RegionCatalog.Default, Official);
        Assert.True(decision.IsAccepted, decision.ToString());
        return DomainPartnership.FromHistory(decision.Events);
    }

    /// <summary>The document as the server shows it once recorded: with its id and recording time.</summary>
    private static Document Recorded(Document sent, string id)
    {
        var document = sent.Clone();
        document.Id = id;
        document.RecordedAt = Official.Now.ToProto();
        return document;
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void Proposal_ThroughTheDomain_ComesBackAsSent(string story)
    {
        var request = Story(story);

        var partnership = Proposed(request).ToProto();

        Assert.Equal("P-STORY", partnership.Id);
        Assert.Equal(1, partnership.Version);
        Assert.Equal(request.Kind, partnership.Kind);
        Assert.Equal(request.Title, partnership.Title);
        Assert.Equal(request.LocalRegionId, partnership.LocalRegionId);
        Assert.Equal(request.Counterpart, partnership.Counterpart);
        Assert.Equal(request.PrioritySectors, partnership.PrioritySectors);
        Assert.Equal(request.InitialStage == PartnershipStage.Unspecified ? PartnershipStage.Initiative : request.InitialStage, partnership.Stage);
        var proposed = Assert.Single(partnership.History);
        Assert.Equal(PartnershipEventType.Proposed, proposed.EventType);
        Assert.Equal(PartnershipStage.Unspecified, proposed.FromStage);
        Assert.Equal(partnership.Stage, proposed.ToStage);
        Assert.Equal("official:ID-33.10", proposed.Actor);
        Assert.Equal(request.Note, proposed.Note);
    }

    [Fact]
    public void Proposal_WithARepeatedSector_KeepsItOnce()
    {
        var request = StoryRequests.KlatenNanjing();
        request.PrioritySectors.Add(Sector.Tourism);

        var partnership = Proposed(request).ToProto();

        Assert.Equal([Sector.Tourism, Sector.Msme, Sector.Agriculture], partnership.PrioritySectors);
    }

    [Fact]
    public void KlatenMinutesAndMeeting_ThroughTheDomain_ComeBackAsSent()
    {
        var state = Proposed(StoryRequests.KlatenNanjing());
        var minutes = StoryRequests.SemarangMinutes();
        var meeting = StoryRequests.VirtualMeeting();

        var attached = state.Decide(minutes.ToDomain("D-1"), RegionCatalog.Default, Official);
        state.Apply(Assert.Single(attached.Events));
        var recorded = state.Decide(meeting.ToDomain("M-1"), RegionCatalog.Default, Official);
        state.Apply(Assert.Single(recorded.Events));
        var proto = state.ToProto();

        var document = Assert.Single(proto.Documents);
        Assert.Equal(Recorded(minutes, "D-1"), document);
        var back = Assert.Single(proto.Meetings);
        var expectedMeeting = meeting.Clone();
        expectedMeeting.Id = "M-1";
        expectedMeeting.RecordedAt = Official.Now.ToProto();
        Assert.Equal(expectedMeeting, back);
        Assert.Equal(3, proto.History.Count);
        Assert.Equal(PartnershipEventType.MeetingRecorded, proto.History[2].EventType);
        Assert.Empty(state.ToProto(PartnershipView.Basic).Documents);
        Assert.Empty(state.ToProto(PartnershipView.Basic).History);
    }

    [Fact]
    public void SoloLetterOfIntent_WithItsValidity_BecomesThePartnershipsWindow()
    {
        var state = Proposed(StoryRequests.SurakartaXian());
        var letter = StoryRequests.SoloLetterOfIntent2015();

        state.Apply(Assert.Single(state.Decide(letter.ToDomain("D-LOI-2015"), RegionCatalog.Default, Official).Events));
        var proto = state.ToProto();

        Assert.Equal(letter.Validity, proto.Validity);
        Assert.Equal(Recorded(letter, "D-LOI-2015"), Assert.Single(proto.Documents));
    }

    [Fact]
    public void MuaraEnimInstitution_KeepsNameCountryAndKind()
    {
        var proto = Proposed(StoryRequests.MuaraEnimJapan()).ToProto();

        Assert.Equal(Counterpart.PartyOneofCase.Institution, proto.Counterpart.PartyCase);
        Assert.Equal("Japan International Cooperation Agency", proto.Counterpart.Institution.Name);
        Assert.Equal("JP", proto.Counterpart.Institution.Country);
        Assert.Equal("agency", proto.Counterpart.Institution.Kind);
        Assert.Equal(string.Empty, proto.Counterpart.Institution.RegionId);
    }

    [Fact]
    public void SoloProgram_ThroughTheDomain_ComesBackWithServerIds()
    {
        var request = new CreateJointProgramRequest
        {
            RequestId = "solo-batik",
            PartnershipId = "P-STORY",
            Sector = Sector.Culture,
            Title = "Batik and culinary tourism exchange",
            StartDate = StoryRequests.Date(2022, 1, 1),
            EndDate = StoryRequests.Date(2023, 12, 31),
            Milestones = { new Milestone { Title = "first delegation visit", DueDate = StoryRequests.Date(2022, 6, 30) } },
            Indicators = { new Indicator { Name = "MSMEs trained", Unit = "enterprises", Target = 40 } },
        };

        var decision = DomainJointProgram.Create(request.ToDomain("JP-BATIK"), DomainStage.LetterOfIntent, Official);
        var program = DomainJointProgram.FromHistory(decision.Events).ToProto();

        Assert.Equal("JP-BATIK", program.Id);
        Assert.Equal(JointProgramStatus.Planned, program.Status);
        Assert.Equal(3, program.ReportingPeriodMonths);
        Assert.Equal(StoryRequests.Date(2022, 4, 1), program.NextReportDue);
        Assert.Equal("M1", program.Milestones[0].Id);
        Assert.Equal(request.Milestones[0].DueDate, program.Milestones[0].DueDate);
        Assert.Null(program.Milestones[0].CompletedDate);
        Assert.Equal("I1", program.Indicators[0].Id);
        Assert.False(program.Indicators[0].HasActual);
        Assert.Equal(40, program.Indicators[0].Target);
    }
}
