namespace CollabPlatform.Persistence.Ledger;

/// <summary>The read-model row of a partnership, written with the events that produced it.</summary>
public sealed record PartnershipRow
{
    public required string PartnershipId { get; init; }
    public required long Version { get; init; }
    public required string Kind { get; init; }
    public required string Stage { get; init; }
    public required string Title { get; init; }
    public required string LocalRegion { get; init; }
    public string? CounterpartRegion { get; init; }
    public required string CounterpartCountry { get; init; }
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public DateTimeOffset? NextDeadline { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A JSON summary for list responses, so a list needs no grain call per row.</summary>
    public required string Summary { get; init; }
}
