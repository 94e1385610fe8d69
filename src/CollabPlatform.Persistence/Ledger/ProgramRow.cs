namespace CollabPlatform.Persistence.Ledger;

/// <summary>The read-model row of a joint programme, written with the events that produced it.</summary>
public sealed record ProgramRow
{
    public required string ProgramId { get; init; }
    public required string PartnershipId { get; init; }
    public required long Version { get; init; }
    public required string Sector { get; init; }
    public required string Status { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public DateOnly? NextReportDue { get; init; }
    public bool ReportOverdue { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string Summary { get; init; }
}
