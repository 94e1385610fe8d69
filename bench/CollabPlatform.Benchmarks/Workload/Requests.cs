using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Benchmarks.Workload;

/// <summary>Valid requests of the kinds the scenarios send, each with its own request id.</summary>
internal static class Requests
{
    private static readonly Sector[] Sectors = [Sector.Tourism, Sector.Msme, Sector.Agriculture, Sector.Culture, Sector.Education];

    /// <summary>The caller that acts for a region: one of its officials.</summary>
    public static Principal OfficialOf(string region) => BenchIdentity.Official(region);

    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    public static ProposePartnershipRequest Propose(string local, string foreign, int n) => new()
    {
        RequestId = NewRequestId(),
        Kind = PartnershipKind.SisterCity,
        Title = $"Benchmark sister-city tie {n}: {local} – {foreign}",
        LocalRegionId = local,
        Counterpart = new Counterpart { ForeignRegionId = foreign },
        InitialStage = PartnershipStage.Exploration,
        PrioritySectors = { Sectors[n % Sectors.Length], Sectors[(n + 1) % Sectors.Length] },
        Note = "created by the benchmark suite",
    };

    public static RecordMeetingRequest Meeting(string partnershipId, int n) => new()
    {
        RequestId = NewRequestId(),
        PartnershipId = partnershipId,
        Meeting = new Meeting
        {
            Date = Date(2025, 1 + (n % 12), 1 + (n % 28)),
            Mode = n % 2 == 0 ? MeetingMode.Virtual : MeetingMode.InPerson,
            Place = n % 2 == 0 ? "video conference" : "regional secretariat",
            Participants =
            {
                new Person { Name = "Head of the cooperation office", Side = PartySide.Local },
                new Person { Name = "Foreign affairs office", Side = PartySide.Foreign },
            },
            Summary = $"coordination meeting {n}",
            Outcome = "next steps agreed",
        },
    };

    public static AttachDocumentRequest Document(string partnershipId, DocumentKind kind, ValidityWindow? validity = null) => new()
    {
        RequestId = NewRequestId(),
        PartnershipId = partnershipId,
        Document = new Document
        {
            Kind = kind,
            Date = Date(2024, 3, 1),
            Place = "Jakarta",
            Title = $"{kind} for the benchmark",
            Signatories =
            {
                new Person { Name = "Regional head", Side = PartySide.Local },
                new Person { Name = "Foreign head", Side = PartySide.Foreign },
            },
            Validity = validity,
        },
    };

    public static AdvanceStageRequest Advance(string partnershipId, PartnershipStage target) => new()
    {
        RequestId = NewRequestId(),
        PartnershipId = partnershipId,
        TargetStage = target,
    };

    public static CreateJointProgramRequest Program(string partnershipId, int n) => new()
    {
        RequestId = NewRequestId(),
        PartnershipId = partnershipId,
        Sector = Sectors[n % Sectors.Length],
        Title = $"Benchmark joint programme {n}",
        Description = "exchange of officials and a yearly trade fair",
        StartDate = Date(2025, 1, 1),
        EndDate = Date(2027, 12, 31),
        ReportingPeriodMonths = 6,
    };

    public static UpdateRegionProfileRequest Profile(string region, int n) => new()
    {
        RequestId = NewRequestId(),
        RegionId = region,
        Profile = new RegionProfile
        {
            Strengths = { "rice and horticulture", $"handicraft MSMEs ({n})" },
            PrioritySectors = { Sectors[n % Sectors.Length] },
            CooperationOffice = new OfficeContact { OfficeName = "International cooperation office", Email = "kerjasama@example.org" },
        },
    };

    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
