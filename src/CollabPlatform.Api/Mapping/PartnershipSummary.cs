using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Api.Mapping;

/// <summary>
/// The <c>summary</c> JSON of a <c>collab_partnerships</c> row, as the partnership grain writes it
/// with every change (DomainJson shape): enough for the BASIC view without loading the partnership.
/// </summary>
internal sealed record PartnershipSummary(
    string Id,
    long Version,
    PartnershipKind Kind,
    PartnershipStage Stage,
    string Title,
    RegionId LocalRegion,
    Counterpart Counterpart,
    ValueList<Sector> PrioritySectors,
    ValidityWindow? Validity,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
