namespace CollabPlatform.Domain.Partnerships.Events;

/// <summary>The validity window of the governing document ended.</summary>
public sealed record PartnershipExpired : PartnershipEvent
{
    /// <summary>The last day the document was in force.</summary>
    public required DateOnly Expires { get; init; }

    /// <summary>The document that expired.</summary>
    public required string DocumentId { get; init; }

    /// <summary>The stage a renewal returns to.</summary>
    public required PartnershipStage FromStage { get; init; }
}
