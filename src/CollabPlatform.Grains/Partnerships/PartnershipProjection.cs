using System.Text.Json;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Grains.Partnerships;

/// <summary>The read-model row of a partnership, mapped in one place.</summary>
internal static class PartnershipProjection
{
    public static PartnershipRow ToRow(Partnership partnership, IReadOnlyList<string> jurisdictions) => new()
    {
        PartnershipId = partnership.Id,
        Version = partnership.Version,
        Kind = partnership.Kind.ToString(),
        Stage = partnership.Stage.ToString(),
        Title = partnership.Title,
        LocalRegion = partnership.LocalRegion.ToString(),
        CounterpartRegion = (partnership.Counterpart.Region ?? partnership.Counterpart.Institution?.Region)?.ToString(),
        CounterpartCountry = partnership.Counterpart.Region?.Country ?? partnership.Counterpart.Institution?.Country ?? string.Empty,
        Sectors = [.. partnership.PrioritySectors.Select(s => s.ToString())],
        Jurisdictions = jurisdictions,
        EffectiveOn = partnership.Validity?.Effective,
        ExpiresOn = partnership.Validity?.Expires,
        NextDeadline = partnership.NextDeadline,
        CreatedAt = partnership.CreatedAt,
        UpdatedAt = partnership.UpdatedAt,
        Summary = JsonSerializer.Serialize(
            new
            {
                partnership.Id,
                partnership.Version,
                partnership.Kind,
                partnership.Stage,
                partnership.Title,
                partnership.LocalRegion,
                partnership.Counterpart,
                partnership.PrioritySectors,
                partnership.Validity,
                partnership.CreatedAt,
                partnership.UpdatedAt,
            },
            DomainJson.Options),
    };

    public static IReadOnlyList<string> JurisdictionsOf(Partnership partnership, RegionCatalog catalog) =>
        Jurisdictions.Of(partnership, catalog);
}
