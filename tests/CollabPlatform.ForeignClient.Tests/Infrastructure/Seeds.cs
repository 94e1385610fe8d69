using CollabPlatform.Contracts.V1;
using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>Partnerships and programmes set up through the public API, as a client would.</summary>
public sealed class Seeds(ContractHost host)
{
    /// <summary>Klaten's partner in these tests: Nanjing County, Fujian.</summary>
    public const string NanjingCounty = "CN-350627";

    /// <summary>Klaten, the local party of every tie these tests create.</summary>
    public const string KlatenId = "ID-33.10";

    private PartnershipService.PartnershipServiceClient Partnerships => new(host.Invoker);

    private JointProgramService.JointProgramServiceClient Programs => new(host.Invoker);

    /// <summary>Today (UTC) as a <see cref="Google.Type.Date"/>, shifted by <paramref name="days"/>.</summary>
    public static Google.Type.Date Day(int days = 0) => ToDate(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days));

    public static Google.Type.Date ToDate(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    public static DateOnly FromDate(Google.Type.Date d) => new(d.Year, d.Month, d.Day);

    public static string NewId(string what) => $"foreign-{what}-{Guid.NewGuid():N}";

    /// <summary>A Klaten – Nanjing County tie at EXPLORATION.</summary>
    public async Task<Partnership> ProposeAsync(string title = "Klaten – Nanjing County exchange")
    {
        var response = await Partnerships.ProposePartnershipAsync(new ProposePartnershipRequest
        {
            RequestId = NewId("propose"),
            Kind = PartnershipKind.FriendshipExchange,
            Title = title,
            LocalRegionId = KlatenId,
            Counterpart = new Counterpart { ForeignRegionId = NanjingCounty },
            InitialStage = PartnershipStage.Exploration,
            PrioritySectors = { Sector.Tourism },
        }, Callers.As(Callers.Klaten));
        return response.Partnership;
    }

    /// <summary>A tie at LETTER_OF_INTENT, the first stage that takes joint programmes.</summary>
    public async Task<Partnership> LetterOfIntentAsync()
    {
        var p = await ProposeAsync();
        await Partnerships.AttachDocumentAsync(new AttachDocumentRequest
        {
            RequestId = NewId("loi"),
            PartnershipId = p.Id,
            Document = new Document
            {
                Kind = DocumentKind.LetterOfIntent,
                Date = Day(-400),
                Place = "Klaten",
                Title = "Letter of intent on friendship cooperation",
                Signatories =
                {
                    new Person { Name = "Bupati Klaten", Side = PartySide.Local },
                    new Person { Name = "Head of Nanjing County", Side = PartySide.Foreign },
                },
            },
        }, Callers.As(Callers.Klaten));
        var advanced = await Partnerships.AdvanceStageAsync(new AdvanceStageRequest
        {
            RequestId = NewId("advance"),
            PartnershipId = p.Id,
            TargetStage = PartnershipStage.LetterOfIntent,
        }, Callers.As(Callers.Klaten));
        return advanced.Partnership;
    }

    /// <summary>A PLANNED programme with one milestone and one indicator, starting <paramref name="start"/>.</summary>
    public async Task<JointProgram> ProgramAsync(string partnershipId, DateOnly start, int periodMonths = 3)
    {
        var response = await Programs.CreateJointProgramAsync(new CreateJointProgramRequest
        {
            RequestId = NewId("program"),
            PartnershipId = partnershipId,
            Sector = Sector.Tourism,
            Title = "Batik and culinary tourism exchange",
            StartDate = ToDate(start),
            ReportingPeriodMonths = periodMonths,
            Milestones = { new Milestone { Title = "first delegation visit", DueDate = ToDate(start.AddDays(20)) } },
            Indicators = { new Indicator { Name = "MSMEs trained", Unit = "enterprises", Target = 40 } },
        }, Callers.As(Callers.Klaten));
        return response.JointProgram;
    }

    /// <summary>The audit records of one resource, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AuditOfAsync(string resourceId)
    {
        var audit = new AuditService.AuditServiceClient(host.Invoker);
        var response = await audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ResourceId = resourceId }, Callers.As(Callers.Admin));
        return response.Records;
    }

    /// <summary>Fails with the status and reason, else the test fails naming <paramref name="phase"/>.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call, string phase)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == code, $"{phase}: expected {code}, got {error.StatusCode} ({error.Status.Detail})");
        return error;
    }
}
