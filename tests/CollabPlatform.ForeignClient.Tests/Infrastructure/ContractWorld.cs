using System.Globalization;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>
/// The resources the error cases point at, created once through the API, and the placeholders of
/// the cases' JSON requests: <c>$rid</c> (a fresh request id), <c>$P</c> (a tie at LETTER_OF_INTENT),
/// <c>$PT</c> (a terminated tie), <c>$JP</c> (a PLANNED programme), <c>$JPC</c> (a cancelled one),
/// <c>$M</c>/<c>$I</c> (its milestone and indicator), <c>$JPFULL</c> (one with the most reports and evaluations), <c>$TOMORROW</c>/<c>$YESTERDAY</c> (dates).
/// </summary>
public sealed class ContractWorld
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task<ContractWorld>? _world;

    private readonly Dictionary<string, string> _values;

    private ContractWorld(Dictionary<string, string> values) => _values = values;

    /// <summary>The world, created by the first test that asks; a failure is reported to every test, once made.</summary>
    public static async Task<ContractWorld> GetAsync(ContractHost host)
    {
        Task<ContractWorld> world;
        await Gate.WaitAsync();
        try
        {
            world = _world ??= CreateAsync(host);
        }
        finally
        {
            Gate.Release();
        }

        return await world;
    }

    /// <summary>The template with every placeholder replaced; <c>$rid</c> by <paramref name="requestId"/>.</summary>
    public string Fill(string template, string requestId)
    {
        var text = template.Replace("$rid", requestId, StringComparison.Ordinal);
        foreach (var (name, value) in _values.OrderByDescending(v => v.Key.Length))
        {
            text = text.Replace(name, value, StringComparison.Ordinal);
        }

        return text;
    }

    private static async Task<ContractWorld> CreateAsync(ContractHost host)
    {
        var seeds = new Seeds(host);
        var programs = new JointProgramService.JointProgramServiceClient(host.Invoker);
        var partnerships = new PartnershipService.PartnershipServiceClient(host.Invoker);
        var tie = await seeds.LetterOfIntentAsync();
        await partnerships.AddFacilitatorAsync(new AddFacilitatorRequest { RequestId = Seeds.NewId("facilitator"), PartnershipId = tie.Id, JurisdictionId = "ID-35", Role = "broker" }, Callers.As(Callers.Klaten));
        var program = await seeds.ProgramAsync(tie.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60));
        var cancelled = await seeds.ProgramAsync(tie.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60));
        await programs.UpdateProgressAsync(new UpdateProgressRequest { RequestId = Seeds.NewId("cancel"), JointProgramId = cancelled.Id, Status = JointProgramStatus.Cancelled }, Callers.As(Callers.Klaten));
        var terminated = await seeds.ProposeAsync("Klaten – Nanjing County, ended");
        await partnerships.TerminatePartnershipAsync(new TerminatePartnershipRequest { RequestId = Seeds.NewId("terminate"), PartnershipId = terminated.Id, Reason = "both sides agreed to end it", EffectiveDate = Seeds.Day(-1) }, Callers.As(Callers.Klaten));
        var regions = new RegionService.RegionServiceClient(host.Invoker);
        await regions.RecordHeadChangeAsync(new RecordHeadChangeRequest { RequestId = Seeds.NewId("head"), RegionId = "ID-33.11", NewHead = new RegionHead { Name = "Etik Suryani", Title = "Bupati Sukoharjo", TermStart = Seeds.Day(-1) } }, Callers.As(Callers.Admin));
        var full = await FullProgramAsync(seeds, programs, tie.Id);
        return new ContractWorld(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["$JPFULL"] = full,
            ["$PT"] = terminated.Id,
            ["$P"] = tie.Id,
            ["$JPC"] = cancelled.Id,
            ["$JP"] = program.Id,
            ["$M"] = program.Milestones[0].Id,
            ["$I"] = program.Indicators[0].Id,
            ["$TOMORROW"] = DateJson(1),
            ["$YESTERDAY"] = DateJson(-1),
        });
    }

    /// <summary>A programme with the most reports and evaluations allowed (500 each, DomainLimits.MaxReports).</summary>
    private static async Task<string> FullProgramAsync(Seeds seeds, JointProgramService.JointProgramServiceClient programs, string partnershipId)
    {
        const int Max = 500;
        var program = await seeds.ProgramAsync(partnershipId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60));
        for (var i = 0; i < Max; i++)
        {
            await programs.SubmitReportAsync(new SubmitReportRequest { RequestId = Seeds.NewId("r"), JointProgramId = program.Id, Report = new ProgressReport { PeriodStart = Seeds.Day(-2), PeriodEnd = Seeds.Day(-1), Summary = $"report {i}" } }, Callers.As(Callers.Admin));
            await programs.RecordEvaluationAsync(new RecordEvaluationRequest { RequestId = Seeds.NewId("e"), JointProgramId = program.Id, Evaluation = new Evaluation { Evaluator = "UNS", Date = Seeds.Day(-1), Findings = $"evaluation {i}" } }, Callers.As(Callers.Admin));
        }

        return program.Id;
    }

    private static string DateJson(int days)
    {
        var d = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days);
        return string.Create(CultureInfo.InvariantCulture, $$"""{"year":{{d.Year}},"month":{{d.Month}},"day":{{d.Day}}}""");
    }
}
