using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Grains.Ledger;

/// <summary>What a grain adds to its events when it commits them: feed routing and the read-model row.</summary>
public sealed record LedgerChange
{
    public required DateTimeOffset OccurredAt { get; init; }

    public string? PartnershipId { get; init; }

    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    public string? FromStage { get; init; }

    public string? ToStage { get; init; }

    public PartnershipRow? Partnership { get; init; }

    public ProgramRow? Program { get; init; }
}
