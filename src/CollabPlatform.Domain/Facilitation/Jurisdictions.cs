using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Facilitation;

/// <summary>
/// Who may see a partnership (DESIGN.md §3): every region that is a party or lies above a party
/// (Jawa Tengah sees Klaten's ties; Fujian and Zhangzhou see Nanjing County's), the ministry of each
/// party's country, and the facilitators added to it explicitly.
/// </summary>
public static class Jurisdictions
{
    private const string MinistryPrefix = "MINISTRY-";

    /// <summary>The ministry scope of a whole country, e.g. <c>MINISTRY-ID</c> for Kemendagri.</summary>
    public static string Ministry(string country) => MinistryPrefix + country.ToUpperInvariant();

    /// <summary>True for a ministry scope such as <c>MINISTRY-ID</c>.</summary>
    public static bool IsMinistry(string jurisdiction) =>
        jurisdiction.Length == MinistryPrefix.Length + 2
        && jurisdiction.StartsWith(MinistryPrefix, StringComparison.Ordinal)
        && char.IsAsciiLetterUpper(jurisdiction[^2])
        && char.IsAsciiLetterUpper(jurisdiction[^1]);

    /// <summary>Every jurisdiction that sees the partnership, without duplicates, in a stable order.</summary>
    public static IReadOnlyList<string> Of(Partnership partnership, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(catalog);
        var scopes = new List<string>();
        AddRegionAndAncestors(scopes, partnership.LocalRegion, catalog);
        var counterpartRegion = partnership.Counterpart.Region ?? partnership.Counterpart.Institution?.Region;
        if (counterpartRegion is { } region)
        {
            AddRegionAndAncestors(scopes, region, catalog);
        }

        scopes.Add(Ministry(partnership.LocalRegion.Country));
        var foreignCountry = partnership.Counterpart.Region?.Country ?? partnership.Counterpart.Institution?.Country;
        if (foreignCountry is not null)
        {
            scopes.Add(Ministry(foreignCountry));
        }

        scopes.AddRange(partnership.Facilitators.Select(f => f.Jurisdiction));
        return [.. scopes.Distinct(StringComparer.Ordinal)];
    }

    private static void AddRegionAndAncestors(List<string> scopes, RegionId region, RegionCatalog catalog)
    {
        scopes.Add(region.ToString());
        scopes.AddRange(catalog.AncestorsOf(region).Select(r => r.Id.ToString()));
    }
}
