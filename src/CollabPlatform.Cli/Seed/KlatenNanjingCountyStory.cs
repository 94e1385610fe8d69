using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using static CollabPlatform.Cli.Seed.StoryValues;

namespace CollabPlatform.Cli.Seed;

/// <summary>
/// Story 1 of docs/walkthrough.md: Klaten (Jawa Tengah) and Nanjing County (Zhangzhou, Fujian),
/// brokered by Jawa Tengah's sister-province tie with Fujian: the minutes signed in Semarang on
/// 2025-06-24 and the virtual meeting of 2025-07-22. Where the sources name an office but no
/// person, the person is named by the office.
/// </summary>
internal static class KlatenNanjingCountyStory
{
    public const string Actor = "official:ID-33.10";

    /// <summary>The official the story acts as: a region-official of its local region.</summary>
    public static Principal Official => new(Actor, Role.RegionOfficial, Klaten);
    public const string Klaten = "ID-33.10";
    public const string JawaTengah = "ID-33";
    public const string NanjingCounty = "CN-350627";
    public const string NanjingCity = "CN-320100";
    public const string Zhangzhou = "CN-350600";
    public const string Fujian = "CN-350000";
    public const string Title = "Klaten – Nanjing County (Fujian) sister-city exchange";

    public static readonly Sector[] Sectors = [Sector.Tourism, Sector.Msme, Sector.Agriculture];

    public static readonly string[] NextSteps =
        ["internal stakeholder discussion", "letter of intent", "memorandum of understanding (MoU)", "formal inauguration"];

    public static ProposePartnershipRequest Propose(RequestIds ids) => new()
    {
        RequestId = ids.For("klaten/propose"),
        // A Chinese county generally may not form a friendship city itself (CPAFFC rules), so the
        // tie starts as a friendship exchange (docs/domain.md §china).
        Kind = PartnershipKind.FriendshipExchange,
        Title = Title,
        LocalRegionId = Klaten,
        Counterpart = new Counterpart { ForeignRegionId = NanjingCounty },
        InitialStage = PartnershipStage.Exploration,
        Note = "brokered by Jawa Tengah through its sister-province tie with Fujian (since 2003)",
    };

    public static AttachDocumentRequest MinutesOfMeeting(RequestIds ids, string partnershipId) => new()
    {
        RequestId = ids.For("klaten/minutes-2025-06-24"),
        PartnershipId = partnershipId,
        Document = new Document
        {
            Kind = DocumentKind.MinutesOfMeeting,
            Date = Date(2025, 6, 24),
            Place = "Semarang",
            Title = "Minutes of Meeting on sister-city cooperation between Kabupaten Klaten and Nanjing County",
            Signatories =
            {
                Local("Bupati of Klaten", "Bupati Klaten", "Pemerintah Kabupaten Klaten"),
                Foreign("Representative of Zhangzhou", "Vice Mayor of Zhangzhou", "Zhangzhou Municipal People's Government, for Nanjing County"),
            },
            Witnesses =
            {
                Local("Ahmad Luthfi", "Gubernur Jawa Tengah", "Pemerintah Provinsi Jawa Tengah"),
                Foreign("Governor of Fujian", "Governor of Fujian Province", "Fujian Provincial People's Government"),
            },
        },
    };

    public static AddFacilitatorRequest JawaTengahFacilitator(RequestIds ids, string partnershipId) => new()
    {
        RequestId = ids.For("klaten/facilitator-jawa-tengah"),
        PartnershipId = partnershipId,
        JurisdictionId = JawaTengah,
        Role = "broker through the Jawa Tengah – Fujian sister-province tie",
    };

    public static AddFacilitatorRequest FujianFacilitator(RequestIds ids, string partnershipId) => new()
    {
        RequestId = ids.For("klaten/facilitator-fujian"),
        PartnershipId = partnershipId,
        JurisdictionId = Fujian,
        Role = "provincial facilitator on the Chinese side (Fujian foreign affairs office)",
    };

    public static RecordMeetingRequest VirtualMeeting(RequestIds ids, string partnershipId) => new()
    {
        RequestId = ids.For("klaten/meeting-2025-07-22"),
        PartnershipId = partnershipId,
        Meeting = new Meeting
        {
            Date = Date(2025, 7, 22),
            Mode = MeetingMode.Virtual,
            Place = "video conference",
            Participants =
            {
                Local("Bupati of Klaten", "Bupati Klaten", "Pemerintah Kabupaten Klaten"),
                Local("Regional agencies of Klaten (OPD)", organisation: "Pemerintah Kabupaten Klaten"),
                Local("Klaten chamber of commerce (KADIN)", organisation: "KADIN Kabupaten Klaten"),
                Foreign("County head of Nanjing", "County Head", "Nanjing County People's Government"),
                Foreign("Deputy county head of Nanjing", "Deputy County Head", "Nanjing County People's Government"),
            },
            Summary = "each side presented its strengths",
            Outcome = "priority sectors: tourism, MSMEs (UMKM) and agriculture",
            NextSteps = { NextSteps.Select(s => Step(s)) },
        },
    };

    public static UpdatePrioritySectorsRequest AgreedSectors(RequestIds ids, string partnershipId) => new()
    {
        RequestId = ids.For("klaten/sectors"),
        PartnershipId = partnershipId,
        PrioritySectors = { Sectors },
    };

    /// <summary>Loads the story; returns the partnership id.</summary>
    public static async Task<string> SeedAsync(CollabClient client, RequestIds ids, CancellationToken cancellationToken)
    {
        var klaten = client.As(Official).Partnerships;
        var id = (await klaten.ProposePartnershipAsync(Propose(ids), cancellationToken: cancellationToken)).Partnership.Id;
        await klaten.AttachDocumentAsync(MinutesOfMeeting(ids, id), cancellationToken: cancellationToken);
        await klaten.AddFacilitatorAsync(JawaTengahFacilitator(ids, id), cancellationToken: cancellationToken);
        await klaten.AddFacilitatorAsync(FujianFacilitator(ids, id), cancellationToken: cancellationToken);
        await klaten.RecordMeetingAsync(VirtualMeeting(ids, id), cancellationToken: cancellationToken);
        await klaten.UpdatePrioritySectorsAsync(AgreedSectors(ids, id), cancellationToken: cancellationToken);
        return id;
    }
}
