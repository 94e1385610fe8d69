using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Facilitation;

/// <summary>
/// Who may see a partnership (docs/domain.md §facilitators): every region that is a party or lies above a party
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

        // An explicit facilitator is seen from above like a party is: the regions over it and its
        // country's ministry oversee what it facilitates. This keeps one rule for every reader: a
        // jurisdiction sees a partnership exactly when it is in this list, so a scope under a
        // caller's jurisdiction never shows the caller more than the caller may see itself.
        foreach (var facilitator in partnership.Facilitators.Select(f => f.Jurisdiction))
        {
            if (RegionId.TryParse(facilitator, out var facilitating, out _) && catalog.Contains(facilitating))
            {
                AddRegionAndAncestors(scopes, facilitating, catalog);
                scopes.Add(Ministry(facilitating.Country));
            }
            else
            {
                scopes.Add(facilitator);
            }
        }

        return [.. scopes.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The jurisdictions that see a region's own records (its profile): the region, the regions above it and its country's ministry.</summary>
    public static IReadOnlyList<string> OfRegion(RegionId region, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var scopes = new List<string>();
        AddRegionAndAncestors(scopes, region, catalog);
        scopes.Add(Ministry(region.Country));
        return [.. scopes.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// True when <paramref name="scope"/> is <paramref name="jurisdiction"/> or lies under it: a region
    /// under a region (Klaten under Jawa Tengah), or any region of a ministry's country.
    /// </summary>
    public static bool IsWithin(string scope, string jurisdiction, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.Equals(scope, jurisdiction, StringComparison.Ordinal))
        {
            return true;
        }

        if (!RegionId.TryParse(scope, out var region, out _))
        {
            return false;
        }

        if (IsMinistry(jurisdiction))
        {
            return string.Equals(Ministry(region.Country), jurisdiction, StringComparison.Ordinal) && catalog.Contains(region);
        }

        return RegionId.TryParse(jurisdiction, out var over, out _) && catalog.IsWithin(region, over);
    }

    private static void AddRegionAndAncestors(List<string> scopes, RegionId region, RegionCatalog catalog)
    {
        scopes.Add(region.ToString());
        scopes.AddRange(catalog.AncestorsOf(region).Select(r => r.Id.ToString()));
    }
}
