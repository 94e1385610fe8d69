using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;

namespace CollabPlatform.Domain.Tests.Support;

/// <summary>
/// Drives a partnership through real commands, failing loudly if any is rejected, and keeps the
/// events so that tests can rebuild the aggregate from history.
/// </summary>
internal sealed class PartnershipBuilder
{
    /// <summary>The default agreement window: in force on <see cref="TestData.Now"/>, ending 2029-12-31.</summary>
    public static readonly ValidityWindow AgreementWindow = new(TestData.Date(2025, 1, 1), TestData.Date(2029, 12, 31));

    private readonly List<PartnershipEvent> _events = [];
    private int _documents;

    public PartnershipBuilder(ProposePartnership? proposal = null, DateTimeOffset? now = null)
    {
        Now = now ?? TestData.Now;
        Proposal = proposal ?? DefaultProposal();
        var decision = Partnership.Propose(Proposal, TestData.Catalog, TestData.Ctx(Now));
        Record(decision);
    }

    public ProposePartnership Proposal { get; }

    public Partnership Partnership { get; } = new();

    public IReadOnlyList<PartnershipEvent> Events => _events;

    public DateTimeOffset Now { get; private set; }

    public CommandContext Ctx => TestData.Ctx(Now);

    public static ProposePartnership DefaultProposal(string id = "partnership:test") => new()
    {
        PartnershipId = id,
        Kind = PartnershipKind.FriendshipExchange,
        Title = "Klaten – Nanjing County friendship exchange",
        LocalRegion = TestData.Klaten,
        Counterpart = Counterpart.OfRegion(TestData.NanjingCounty),
        PrioritySectors = [Sector.Tourism],
    };

    public PartnershipBuilder At(DateTimeOffset now)
    {
        Now = now;
        return this;
    }

    /// <summary>Decides and applies a command that must be accepted.</summary>
    public PartnershipBuilder Execute(PartnershipCommand command)
    {
        Record(Partnership.Decide(command, TestData.Catalog, Ctx));
        return this;
    }

    public PartnershipBuilder WithDocument(DocumentKind kind, ValidityWindow? validity = null, DateOnly? date = null, string? id = null) =>
        Execute(Document(kind, validity, date, id));

    public AttachDocument Document(DocumentKind kind, ValidityWindow? validity = null, DateOnly? date = null, string? id = null) => new()
    {
        DocumentId = id ?? $"doc-{++_documents}",
        Kind = kind,
        Number = $"{kind}/{_documents}",
        Date = date ?? Min(TestData.Date(2025, 1, 1), Ctx.Today),
        Place = "Klaten",
        Title = $"{kind} of the test partnership",
        Validity = validity ?? (kind == DocumentKind.Agreement ? AgreementWindow : null),
    };

    /// <summary>Attaches every document a gate asks for, so that only the stage machine decides.</summary>
    public PartnershipBuilder WithAllGateDocuments()
    {
        foreach (var kind in GateDocuments)
        {
            WithDocument(kind);
        }

        return this;
    }

    /// <summary>Advances stage by stage (attaching each gate's document when missing) to <paramref name="target"/>.</summary>
    public PartnershipBuilder AdvancedTo(PartnershipStage target)
    {
        if (target == PartnershipStage.Terminated)
        {
            return Execute(new TerminatePartnership("test termination", TestData.Date(2025, 6, 30)));
        }

        if (target == PartnershipStage.Expired)
        {
            AdvancedTo(PartnershipStage.Implementation);
            var deadline = Partnership.NextDeadline ?? throw new InvalidOperationException("nothing can expire: the agreement has no end date");
            return At(deadline).Execute(new CheckDeadlines());
        }

        while (Partnership.Stage != target)
        {
            var next = Partnership.Stage + 1;
            if (GateDocument(next) is { } kind && !Partnership.Documents.Any(d => d.Kind == kind))
            {
                WithDocument(kind);
            }

            Execute(new AdvanceStage(next));
        }

        return this;
    }

    public Partnership Build() => Partnership;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static DocumentKind? GateDocument(PartnershipStage stage) => stage switch
    {
        PartnershipStage.LetterOfIntent => DocumentKind.LetterOfIntent,
        PartnershipStage.CooperationPlan => DocumentKind.CooperationPlan,
        PartnershipStage.CouncilApproval => DocumentKind.CouncilApproval,
        PartnershipStage.CentralReview => DocumentKind.MinistryRequest,
        PartnershipStage.Drafting => DocumentKind.CentralApproval,
        PartnershipStage.Signed => DocumentKind.Agreement,
        _ => null,
    };

    private static readonly DocumentKind[] GateDocuments =
    [
        DocumentKind.LetterOfIntent, DocumentKind.CooperationPlan, DocumentKind.CouncilApproval,
        DocumentKind.MinistryRequest, DocumentKind.CentralApproval, DocumentKind.Agreement,
    ];

    private void Record(Decision<PartnershipEvent> decision)
    {
        if (!decision.IsAccepted)
        {
            throw new InvalidOperationException($"builder command rejected at {Partnership.Stage}: {decision.Rejection!.Kind}: {decision.Rejection.Reason}");
        }

        foreach (var e in decision.Events)
        {
            Partnership.Apply(e);
            _events.Add(e);
        }
    }
}
