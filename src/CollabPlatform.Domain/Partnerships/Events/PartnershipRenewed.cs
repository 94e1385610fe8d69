namespace CollabPlatform.Domain.Partnerships.Events;

/// <summary>A new letter of intent or agreement superseded the governing one; both stay in the documents.</summary>
public sealed record PartnershipRenewed : PartnershipEvent
{
    /// <summary>The document superseded.</summary>
    public required string PreviousDocumentId { get; init; }

    /// <summary>The new document (its <see cref="PartnershipDocument.SupersedesDocumentId"/> is the previous one).</summary>
    public required PartnershipDocument Document { get; init; }

    public required ValidityWindow Validity { get; init; }

    public required string Reason { get; init; }

    public required PartnershipStage FromStage { get; init; }

    /// <summary>Unchanged unless the partnership was Expired.</summary>
    public required PartnershipStage ToStage { get; init; }
}
