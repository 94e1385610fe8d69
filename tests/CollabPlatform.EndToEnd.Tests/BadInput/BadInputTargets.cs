using CollabPlatform.Cli.Client;
using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>
/// Real resources that bad requests aim at, in regions no story uses (Surabaya and Hakodate), so
/// that "nothing changed" can be checked by their versions and list counts.
/// </summary>
internal sealed class BadInputTargets
{
    public const string Actor = "official:ID-35.78";

    /// <summary>The official the bad input is sent as: <see cref="Actor"/>, a region-official of ID-35.78.</summary>
    public static Principal Official => TestIdentity.Official("ID-35.78");
    public const string LocalRegion = "ID-35.78";
    public const string ForeignRegion = "JP-012025";

    private BadInputTargets(CollabClient client, Partnership partnership, JointProgram programme)
    {
        Client = client;
        Partnership = partnership;
        Programme = programme;
    }

    public CollabClient Client { get; }

    /// <summary>A partnership at LETTER_OF_INTENT with its letter attached (no validity window, so no timer moves it).</summary>
    public Partnership Partnership { get; }

    /// <summary>
    /// A PLANNED programme of <see cref="Partnership"/> with one milestone and one indicator. It
    /// started 40 days ago, so a report on its first week is valid; its first report and its
    /// milestone are due later, so no timer changes it while the test runs.
    /// </summary>
    public JointProgram Programme { get; }

    public static DateOnly ProgrammeStart { get; } = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40);

    public static async Task<BadInputTargets> CreateAsync(ApiHostFixture host)
    {
        var ids = RequestIds.Unique("bad");
        var client = host.Client.As(Official);
        var partnership = (await client.Partnerships.ProposePartnershipAsync(ValidProposal(ids.For("propose")))).Partnership;
        await client.Partnerships.AttachDocumentAsync(new AttachDocumentRequest
        {
            RequestId = ids.For("loi"),
            PartnershipId = partnership.Id,
            Document = new Document { Kind = DocumentKind.LetterOfIntent, Date = StoryValues.Date(2024, 1, 2), Title = "Letter of intent (bad-input target)" },
        });
        partnership = (await client.Partnerships.AdvanceStageAsync(new AdvanceStageRequest { RequestId = ids.For("advance"), PartnershipId = partnership.Id, TargetStage = PartnershipStage.LetterOfIntent })).Partnership;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var programme = (await client.JointPrograms.CreateJointProgramAsync(new CreateJointProgramRequest
        {
            RequestId = ids.For("programme"),
            PartnershipId = partnership.Id,
            Sector = Sector.Education,
            Title = "Bad-input target programme",
            StartDate = Date(ProgrammeStart),
            EndDate = Date(today.AddDays(325)),
            ReportingPeriodMonths = 12,
            Milestones = { new Milestone { Title = "kick-off", DueDate = Date(today.AddDays(20)) } },
            Indicators = { new Indicator { Name = "teachers trained", Unit = "people", Target = 40 } },
        })).JointProgram;
        return new BadInputTargets(client, partnership, programme);
    }

    public static ProposePartnershipRequest ValidProposal(string requestId) => new()
    {
        RequestId = requestId,
        Kind = PartnershipKind.OtherKsdpl,
        Title = "Surabaya – Hakodate (bad-input target)",
        LocalRegionId = LocalRegion,
        Counterpart = new Counterpart { ForeignRegionId = ForeignRegion },
        PrioritySectors = { Sector.Education },
        InitialStage = PartnershipStage.Exploration,
    };

    public static string NewRequestId() => "bad-" + Guid.NewGuid().ToString("N");

    public static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    public async Task<long> PartnershipVersionAsync(string id) =>
        (await Client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership.Version;

    public async Task<long> ProgrammeVersionAsync() =>
        (await Client.JointPrograms.GetJointProgramAsync(new GetJointProgramRequest { JointProgramId = Programme.Id })).JointProgram.Version;

    public async Task<int> PartnershipCountAsync()
    {
        var count = 0;
        var request = new ListPartnershipsRequest { RegionId = LocalRegion, PageSize = 200 };
        do
        {
            var page = await Client.Partnerships.ListPartnershipsAsync(request);
            count += page.Partnerships.Count;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return count;
    }

    public async Task<int> ProgrammeCountAsync() =>
        (await Client.JointPrograms.ListJointProgramsAsync(new ListJointProgramsRequest { PartnershipId = Partnership.Id, PageSize = 200 })).JointPrograms.Count;
}
