using CollabPlatform.Contracts.V1;
using Google.Protobuf;
using Google.Type;

namespace CollabPlatform.Contracts.Tests.V1;

/// <summary>
/// The stories of DESIGN.md §2 expressed as messages: the contract can carry them, and their JSON
/// form (what JSON transcoding and non-.NET clients see) round-trips.
/// </summary>
public sealed class StoryMessagesTests
{
    [Fact]
    public void RecordMeeting_KlatenNanjingVirtualMeeting_RoundTripsThroughJson()
    {
        var request = new RecordMeetingRequest
        {
            RequestId = "3f1c6a0e-8f43-4a55-9d0c-6f1b2a7e9c10",
            PartnershipId = "P-1",
            ExpectedVersion = 2,
            Meeting = new Meeting
            {
                Date = new Date { Year = 2025, Month = 7, Day = 22 },
                Mode = MeetingMode.Virtual,
                Participants =
                {
                    new Person { Name = "Bupati Klaten", Title = "Bupati", Organisation = "Pemerintah Kabupaten Klaten", Side = PartySide.Local },
                    new Person { Name = "County Head of Nanjing", Title = "County Head", Organisation = "Nanjing County People's Government", Side = PartySide.Foreign },
                },
                Summary = "Each side presented its strengths.",
                NextSteps =
                {
                    new NextStep { Description = "internal stakeholder discussion" },
                    new NextStep { Description = "letter of intent" },
                    new NextStep { Description = "MoU and formal inauguration" },
                },
            },
        };

        var json = JsonFormatter.Default.Format(request);
        var parsed = JsonParser.Default.Parse<RecordMeetingRequest>(json);

        Assert.Equal(request, parsed);
        Assert.Contains("\"partnershipId\": \"P-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"expectedVersion\": \"2\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mode\": \"MEETING_MODE_VIRTUAL\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ProposePartnership_MuaraEnimWithJapaneseInstitution_CarriesAnInstitutionCounterpart()
    {
        var request = new ProposePartnershipRequest
        {
            RequestId = "b7d0c1e2-5a4f-4e0b-8c3d-2f9e1a6b4c70",
            Kind = PartnershipKind.Institutional,
            Title = "Muara Enim – Japanese university pilot",
            LocalRegionId = "ID-16.03",
            Counterpart = new Counterpart { Institution = new Institution { Name = "A Japanese university", Country = "JP", Kind = "university" } },
            PrioritySectors = { Sector.UrbanManagement, Sector.Agriculture, Sector.Education, Sector.Technology, Sector.HumanResources },
        };

        var parsed = BinaryRoundTrip(request);

        Assert.Equal(Counterpart.PartyOneofCase.Institution, parsed.Counterpart.PartyCase);
        Assert.Equal(request, parsed);
    }

    private static ProposePartnershipRequest BinaryRoundTrip(ProposePartnershipRequest request) =>
        ProposePartnershipRequest.Parser.ParseFrom(request.ToByteArray());
}
