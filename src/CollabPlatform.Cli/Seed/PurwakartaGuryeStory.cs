using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using static CollabPlatform.Cli.Seed.StoryValues;

namespace CollabPlatform.Cli.Seed;

/// <summary>
/// Story 3 of docs/walkthrough.md: Purwakarta (Jawa Barat) and Gurye-gun (Jeollanam-do, Korea):
/// the visit of 2025-03-20 under Bupati Anne Ratna Mustika, an MoU planned for August 2025 once the
/// central government approves, and talks continued under Bupati Saepul Bahri Binzein. The
/// Bupatis' term dates are illustrative.
/// </summary>
internal static class PurwakartaGuryeStory
{
    public const string Actor = "official:ID-32.14";

    /// <summary>The official the story acts as: a region-official of its local region.</summary>
    public static Principal Official => new(Actor, Role.RegionOfficial, Purwakarta);
    public const string Purwakarta = "ID-32.14";
    public const string JawaBarat = "ID-32";
    public const string Gurye = "KR-36330";
    public const string Jeollanamdo = "KR-36";
    public const string Title = "Purwakarta – Gurye-gun sister regency";

    public static readonly Sector[] Sectors = [Sector.Agriculture, Sector.Plantation, Sector.Industry, Sector.Tourism];

    public static readonly RegionHead[] Bupatis =
    [
        new() { Name = "Anne Ratna Mustika", Title = "Bupati Purwakarta", TermStart = Date(2018, 9, 20) },
        new() { Name = "Saepul Bahri Binzein", Title = "Bupati Purwakarta", TermStart = Date(2025, 6, 1) },
    ];

    public static ProposePartnershipRequest Propose(RequestIds ids) => new()
    {
        RequestId = ids.For("purwakarta/propose"),
        Kind = PartnershipKind.SisterCity,
        Title = Title,
        LocalRegionId = Purwakarta,
        Counterpart = new Counterpart { ForeignRegionId = Gurye },
        PrioritySectors = { Sectors },
        InitialStage = PartnershipStage.Exploration,
        Note = "similar geography; interest in investment",
    };

    public static UpdateRegionProfileRequest Profile(RequestIds ids) => new()
    {
        RequestId = ids.For("purwakarta/profile"),
        RegionId = Purwakarta,
        Profile = new RegionProfile
        {
            Strengths = { "agriculture and plantations", "industry" },
            PrioritySectors = { Sectors },
        },
        UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "strengths", "priority_sectors" } },
    };

    public static RecordHeadChangeRequest HeadChange(RequestIds ids, int index) => new()
    {
        RequestId = ids.For($"purwakarta/head-{index}"),
        RegionId = Purwakarta,
        NewHead = Bupatis[index],
    };

    public static RecordMeetingRequest Visit(RequestIds ids, string partnershipId) => new()
    {
        RequestId = ids.For("purwakarta/visit-2025-03-20"),
        PartnershipId = partnershipId,
        Meeting = new Meeting
        {
            Date = Date(2025, 3, 20),
            Mode = MeetingMode.InPerson,
            Participants =
            {
                Local("Anne Ratna Mustika", "Bupati Purwakarta", "Pemerintah Kabupaten Purwakarta"),
                Foreign("Head of Gurye-gun", "Gunsu (county governor)", "Gurye-gun, Jeollanam-do"),
            },
            Summary = "visit; both regions share a similar geography and an agricultural base",
            Outcome = "both heads agree to sign an MoU as the first step; interest in investment",
            NextSteps =
            {
                Step("obtain central-government approval and notify the centre before signing"),
                Step("sign the MoU", Date(2025, 8, 1)),
            },
        },
    };

    /// <summary>Loads the story; returns the partnership id.</summary>
    public static async Task<string> SeedAsync(CollabClient client, RequestIds ids, CancellationToken cancellationToken)
    {
        var purwakarta = client.As(Official);
        await purwakarta.Regions.UpdateRegionProfileAsync(Profile(ids), cancellationToken: cancellationToken);
        await purwakarta.Regions.RecordHeadChangeAsync(HeadChange(ids, 0), cancellationToken: cancellationToken);
        var id = (await purwakarta.Partnerships.ProposePartnershipAsync(Propose(ids), cancellationToken: cancellationToken)).Partnership.Id;
        await purwakarta.Partnerships.RecordMeetingAsync(Visit(ids, id), cancellationToken: cancellationToken);
        await purwakarta.Regions.RecordHeadChangeAsync(HeadChange(ids, 1), cancellationToken: cancellationToken);
        return id;
    }
}
