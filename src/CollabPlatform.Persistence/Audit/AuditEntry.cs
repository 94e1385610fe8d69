namespace CollabPlatform.Persistence.Audit;

/// <summary>One accepted mutation as the audit log records it (table <c>collab_audit</c>, migration 0009).</summary>
public sealed record AuditEntry
{
    public const string PartnershipResource = "partnership";
    public const string ProgramResource = "joint_program";
    public const string RegionProfileResource = "region_profile";

    /// <summary>When the change was decided, by the grain's clock.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The caller's subject (the token's <c>sub</c>), or the timer for server-made changes.</summary>
    public required string Actor { get; init; }

    /// <summary>The caller's role as tokens spell it, e.g. <c>region-official</c>; <c>system</c> for timers.</summary>
    public required string ActorRole { get; init; }

    public string? ActorJurisdiction { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The command, e.g. <c>AdvanceStage</c>.</summary>
    public required string Operation { get; init; }

    /// <summary><see cref="PartnershipResource"/>, <see cref="ProgramResource"/> or <see cref="RegionProfileResource"/>.</summary>
    public required string ResourceType { get; init; }

    public required string ResourceId { get; init; }

    public string? PartnershipId { get; init; }

    /// <summary>The resource's stream or grain key; with <see cref="ToVersion"/> it identifies the change.</summary>
    public required string StreamId { get; init; }

    public required long FromVersion { get; init; }

    public required long ToVersion { get; init; }

    public string? FromStage { get; init; }

    public string? ToStage { get; init; }

    public string? FromStatus { get; init; }

    public string? ToStatus { get; init; }

    public IReadOnlyList<string> EventTypes { get; init; } = [];

    /// <summary>The jurisdictions that may read the record.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
}
