using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using static CollabPlatform.Cli.Seed.StoryValues;

namespace CollabPlatform.Cli.Seed;

/// <summary>
/// Story 2 of docs/walkthrough.md: Surakarta (Solo) with Xi'an and with Zhuhai: letters of intent
/// of 2015 renewed in 2021 for PP 28/2018, and joint programmes that outlive changes of mayor.
/// Zhuhai's letter day and place, the renewal date and term, and the programmes' titles and figures
/// are illustrative: the sources give the month or year only.
/// </summary>
internal static class SurakartaStory
{
    public const string Actor = "official:ID-33.72";

    /// <summary>The official the story acts as: a region-official of its local region.</summary>
    public static Principal Official => new(Actor, Role.RegionOfficial, Surakarta);
    public const string Surakarta = "ID-33.72";
    public const string RenewalReason = "renewed to comply with PP 28/2018";

    public static readonly Tie XiAn = new("xian", "CN-610100", "Xi'an", Date(2015, 9, 25), "Xi'an");

    public static readonly Tie Zhuhai = new("zhuhai", "CN-440400", "Zhuhai", Date(2015, 9, 28), "Zhuhai");

    public static readonly Sector[] WorkshopSectors = [Sector.Tourism, Sector.Culture, Sector.Sport, Sector.Health];

    /// <summary>Heads of Surakarta in the order they took office (Wali Kota Surakarta).</summary>
    public static readonly RegionHead[] Mayors =
    [
        new() { Name = "F.X. Hadi Rudyatmo", Title = "Wali Kota Surakarta", TermStart = Date(2016, 2, 17), TermEnd = Date(2021, 2, 17) },
        new() { Name = "Gibran Rakabuming Raka", Title = "Wali Kota Surakarta", TermStart = Date(2021, 2, 26) },
        new() { Name = "Respati Ardi", Title = "Wali Kota Surakarta", TermStart = Date(2025, 2, 20) },
    ];

    public static ProposePartnershipRequest Propose(RequestIds ids, Tie tie) => new()
    {
        RequestId = ids.For($"solo-{tie.Key}/propose"),
        Kind = PartnershipKind.SisterCity,
        Title = $"Surakarta – {tie.CityName} sister city",
        LocalRegionId = Surakarta,
        Counterpart = new Counterpart { ForeignRegionId = tie.CityId },
        InitialStage = PartnershipStage.Exploration,
    };

    public static AttachDocumentRequest LetterOfIntent2015(RequestIds ids, Tie tie, string partnershipId) => new()
    {
        RequestId = ids.For($"solo-{tie.Key}/loi-2015"),
        PartnershipId = partnershipId,
        Document = new Document
        {
            Kind = DocumentKind.LetterOfIntent,
            Date = tie.LetterDate,
            Place = tie.LetterPlace,
            Title = $"Letter of Intent on sister-city cooperation between Surakarta and {tie.CityName}",
            Signatories = { Local("F.X. Hadi Rudyatmo", "Wali Kota Surakarta", "Pemerintah Kota Surakarta"), Foreign($"Mayor of {tie.CityName}", $"Mayor of {tie.CityName}") },
        },
    };

    public static AdvanceStageRequest ToLetterOfIntent(RequestIds ids, Tie tie, string partnershipId) => new()
    {
        RequestId = ids.For($"solo-{tie.Key}/advance-loi"),
        PartnershipId = partnershipId,
        TargetStage = PartnershipStage.LetterOfIntent,
        Note = $"letter of intent signed {tie.LetterDate.Year}-{tie.LetterDate.Month:00}",
    };

    public static RenewPartnershipRequest Renewal2021(RequestIds ids, Tie tie, string partnershipId) => new()
    {
        RequestId = ids.For($"solo-{tie.Key}/renew-2021"),
        PartnershipId = partnershipId,
        Reason = RenewalReason,
        Document = new Document
        {
            Kind = DocumentKind.LetterOfIntent,
            Date = Date(2021, 8, 2),
            Place = "Surakarta",
            Title = $"Renewed Letter of Intent between Surakarta and {tie.CityName} (PP 28/2018)",
            Signatories = { Local("Gibran Rakabuming Raka", "Wali Kota Surakarta", "Pemerintah Kota Surakarta"), Foreign($"Mayor of {tie.CityName}", $"Mayor of {tie.CityName}") },
            Validity = new ValidityWindow { EffectiveDate = Date(2021, 8, 2), ExpiryDate = Date(2031, 8, 1) },
        },
    };

    public static RecordMeetingRequest Workshop(RequestIds ids, Tie tie, string partnershipId) => new()
    {
        RequestId = ids.For($"solo-{tie.Key}/workshop-2021-10-21"),
        PartnershipId = partnershipId,
        Meeting = new Meeting
        {
            Date = Date(2021, 10, 21),
            Mode = MeetingMode.InPerson,
            Place = "Surakarta",
            Participants = { Local("Bagian Kerja Sama, Setda Kota Surakarta", organisation: "Pemerintah Kota Surakarta") },
            Summary = $"workshop mapping the potential of the cooperation with {tie.CityName}",
            Outcome = "potential mapped in tourism, culture, sport and health",
        },
    };

    public static UpdatePrioritySectorsRequest Sectors(RequestIds ids, Tie tie, string partnershipId) => new()
    {
        RequestId = ids.For($"solo-{tie.Key}/sectors"),
        PartnershipId = partnershipId,
        PrioritySectors = { WorkshopSectors },
    };

    /// <summary>The joint programmes of one partnership, one per mapped sector it takes up.</summary>
    public static IReadOnlyList<CreateJointProgramRequest> Programmes(RequestIds ids, Tie tie, string partnershipId) => tie == XiAn
        ?
        [
            Programme(ids, tie, partnershipId, "culture", Sector.Culture, "Solo – Xi'an cultural performance exchange", "reciprocal performances of Javanese and Shaanxi arts"),
            Programme(ids, tie, partnershipId, "tourism", Sector.Tourism, "Solo – Xi'an heritage tourism promotion", "joint promotion of palace and old-city heritage tourism"),
        ]
        :
        [
            Programme(ids, tie, partnershipId, "sport", Sector.Sport, "Solo – Zhuhai youth sport exchange", "exchange of youth teams and coaches"),
            Programme(ids, tie, partnershipId, "health", Sector.Health, "Solo – Zhuhai public health cooperation", "exchange of hospital staff and public-health practice"),
        ];

    public static UpdateProgressRequest Activate(RequestIds ids, string key, string programmeId) => new()
    {
        RequestId = ids.For($"solo-{key}/activate"),
        JointProgramId = programmeId,
        Status = JointProgramStatus.Active,
        Note = "first activities started",
    };

    public static SubmitReportRequest FirstReport(RequestIds ids, string key, string programmeId) => new()
    {
        RequestId = ids.For($"solo-{key}/report-2022-h1"),
        JointProgramId = programmeId,
        Report = new ProgressReport
        {
            PeriodStart = Date(2022, 1, 1),
            PeriodEnd = Date(2022, 6, 30),
            Summary = "first exchange held; audiences reached in both cities",
            Author = "Bagian Kerja Sama, Setda Kota Surakarta",
        },
    };

    public static RecordEvaluationRequest AcademicReview(RequestIds ids, string key, string programmeId) => new()
    {
        RequestId = ids.For($"solo-{key}/academic-review"),
        JointProgramId = programmeId,
        Evaluation = new Evaluation
        {
            Evaluator = "University review team (academic review)",
            Date = Date(2023, 2, 28),
            Findings = "cultural exchange reached its audience targets; sport and health still to start",
            Score = 72,
        },
    };

    public static RecordHeadChangeRequest HeadChange(RequestIds ids, int index) => new()
    {
        RequestId = ids.For($"solo/head-{index}"),
        RegionId = Surakarta,
        NewHead = Mayors[index],
    };

    /// <summary>Loads the story; returns the two partnership ids.</summary>
    public static async Task<(string XiAn, string Zhuhai)> SeedAsync(CollabClient client, RequestIds ids, CancellationToken cancellationToken)
    {
        var solo = client.As(Official);
        await solo.Regions.RecordHeadChangeAsync(HeadChange(ids, 0), cancellationToken: cancellationToken);
        await solo.Regions.RecordHeadChangeAsync(HeadChange(ids, 1), cancellationToken: cancellationToken);
        var xian = await SeedTieAsync(solo, ids, XiAn, cancellationToken);
        var zhuhai = await SeedTieAsync(solo, ids, Zhuhai, cancellationToken);
        await solo.Regions.RecordHeadChangeAsync(HeadChange(ids, 2), cancellationToken: cancellationToken);
        return (xian, zhuhai);
    }

    private static async Task<string> SeedTieAsync(CollabClient solo, RequestIds ids, Tie tie, CancellationToken cancellationToken)
    {
        var id = (await solo.Partnerships.ProposePartnershipAsync(Propose(ids, tie), cancellationToken: cancellationToken)).Partnership.Id;
        await solo.Partnerships.AttachDocumentAsync(LetterOfIntent2015(ids, tie, id), cancellationToken: cancellationToken);
        await solo.Partnerships.AdvanceStageAsync(ToLetterOfIntent(ids, tie, id), cancellationToken: cancellationToken);
        await solo.Partnerships.RenewPartnershipAsync(Renewal2021(ids, tie, id), cancellationToken: cancellationToken);
        await solo.Partnerships.RecordMeetingAsync(Workshop(ids, tie, id), cancellationToken: cancellationToken);
        await solo.Partnerships.UpdatePrioritySectorsAsync(Sectors(ids, tie, id), cancellationToken: cancellationToken);
        foreach (var request in Programmes(ids, tie, id))
        {
            var programme = (await solo.JointPrograms.CreateJointProgramAsync(request, cancellationToken: cancellationToken)).JointProgram;
            if (programme.Sector == Sector.Culture)
            {
                await solo.JointPrograms.UpdateProgressAsync(Activate(ids, tie.Key, programme.Id), cancellationToken: cancellationToken);
                await solo.JointPrograms.SubmitReportAsync(FirstReport(ids, tie.Key, programme.Id), cancellationToken: cancellationToken);
                await solo.JointPrograms.RecordEvaluationAsync(AcademicReview(ids, tie.Key, programme.Id), cancellationToken: cancellationToken);
            }
        }

        return id;
    }

    private static CreateJointProgramRequest Programme(RequestIds ids, Tie tie, string partnershipId, string key, Sector sector, string title, string description) => new()
    {
        RequestId = ids.For($"solo-{tie.Key}/programme-{key}"),
        PartnershipId = partnershipId,
        Sector = sector,
        Title = title,
        Description = description,
        StartDate = Date(2022, 1, 1),
        EndDate = Date(2023, 12, 31),
        ReportingPeriodMonths = 6,
        Milestones = { new Milestone { Title = "first delegation visit", DueDate = Date(2022, 6, 30) } },
        Indicators = { new Indicator { Name = "participants", Unit = "people", Target = 500 } },
    };

    /// <summary>One of Surakarta's two partnerships.</summary>
    /// <param name="Key">Short name used in request ids.</param>
    /// <param name="CityId">The Chinese city's region id.</param>
    /// <param name="CityName">Its English name.</param>
    /// <param name="LetterDate">When the 2015 letter of intent was signed.</param>
    /// <param name="LetterPlace">Where it was signed.</param>
    internal sealed record Tie(string Key, string CityId, string CityName, Google.Type.Date LetterDate, string LetterPlace);
}
