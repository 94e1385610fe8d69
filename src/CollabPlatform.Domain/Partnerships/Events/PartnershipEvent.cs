using System.Text.Json.Serialization;

namespace CollabPlatform.Domain.Partnerships.Events;

/// <summary>
/// An accepted change to a partnership, stored in the ledger forever. The discriminators are part
/// of the stored format: never rename or reuse one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(PartnershipProposed), "partnership.proposed")]
[JsonDerivedType(typeof(MeetingRecorded), "partnership.meeting_recorded")]
[JsonDerivedType(typeof(DocumentAttached), "partnership.document_attached")]
[JsonDerivedType(typeof(StageAdvanced), "partnership.stage_advanced")]
[JsonDerivedType(typeof(PartnershipRenewed), "partnership.renewed")]
[JsonDerivedType(typeof(PartnershipTerminated), "partnership.terminated")]
[JsonDerivedType(typeof(PartnershipExpired), "partnership.expired")]
[JsonDerivedType(typeof(FacilitatorAdded), "partnership.facilitator_added")]
[JsonDerivedType(typeof(PrioritySectorsChanged), "partnership.priority_sectors_changed")]
public abstract record PartnershipEvent
{
    /// <summary>The partnership the event belongs to, so that a ledger row or feed item stands alone.</summary>
    public required string PartnershipId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who caused it; "system" style actors for timer-driven events.</summary>
    public required string Actor { get; init; }
}
