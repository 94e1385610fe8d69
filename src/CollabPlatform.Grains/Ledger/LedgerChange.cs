using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Grains.Ledger;

/// <summary>What a grain adds to its events when it commits them: feed routing and the read-model row.</summary>
public sealed record LedgerChange
{
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>For the audit record: <c>partnership</c> or <c>joint_program</c> (AuditEntry's resource types).</summary>
    public required string ResourceType { get; init; }

    /// <summary>For the audit record: the partnership or programme id.</summary>
    public required string ResourceId { get; init; }

    /// <summary>For the audit record: a joint programme's status before the change (null when it did not exist).</summary>
    public string? FromStatus { get; init; }

    /// <summary>For the audit record: a joint programme's status after the change.</summary>
    public string? ToStatus { get; init; }

    public string? PartnershipId { get; init; }

    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    public string? FromStage { get; init; }

    public string? ToStage { get; init; }

    public PartnershipRow? Partnership { get; init; }

    public ProgramRow? Program { get; init; }
}
