using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CollabPlatform.Domain.Regions;

/// <summary>
/// The official region catalogues of Indonesia, China, Korea and Japan (see data/regions/SOURCES.md),
/// with parent chains for jurisdiction and a search that reports every namesake.
/// </summary>
public sealed class RegionCatalog
{
    /// <summary>Most matches a search returns; more are reported as truncated.</summary>
    public const int MaxSearchResults = 50;

    private static readonly (string Country, string Resource)[] Sources =
    [
        ("ID", "regions/id_regions.csv"),
        ("CN", "regions/cn_regions.csv"),
        ("KR", "regions/kr_regions.csv"),
        ("JP", "regions/jp_regions.csv"),
    ];

    private const string AliasesResource = "regions/aliases.csv";

    private static readonly Lazy<RegionCatalog> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<RegionId, Region> _regions;
    private readonly FrozenDictionary<RegionId, RegionId[]> _children;
    private readonly Region[] _ordered;
    private readonly (Region Region, string[] Keys)[] _searchKeys;
    private readonly FrozenDictionary<RegionId, FrozenSet<string>> _aliases;

    /// <summary>Builds a catalogue from entries; every parent must be an entry too.</summary>
    /// <param name="regions">The entries.</param>
    /// <param name="aliases">Everyday names of regions ("Solo" for Surakarta), each for one region.</param>
    public RegionCatalog(IEnumerable<Region> regions, IEnumerable<KeyValuePair<RegionId, string>>? aliases = null)
    {
        _ordered = [.. regions.OrderBy(r => r.Id.Country, StringComparer.Ordinal).ThenBy(r => r.Id.Code, StringComparer.Ordinal)];
        _regions = _ordered.ToFrozenDictionary(r => r.Id);
        foreach (var region in _ordered)
        {
            if (region.ParentId is { } parent && !_regions.ContainsKey(parent))
            {
                throw new InvalidDataException($"region {region.Id} names parent {parent}, which is not in the catalogue");
            }
        }

        _children = _ordered
            .Where(r => r.ParentId is not null)
            .GroupBy(r => r.ParentId!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => r.Id).ToArray());
        _searchKeys = [.. _ordered.Select(r => (r, SearchKeys(r)))];
        _aliases = (aliases ?? [])
            .GroupBy(a => a.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(a => Normalize(a.Value)).ToFrozenSet(StringComparer.Ordinal));
        foreach (var region in _aliases.Keys.Where(id => !_regions.ContainsKey(id)))
        {
            throw new InvalidDataException($"an alias names region {region}, which is not in the catalogue");
        }
    }

    /// <summary>The catalogue shipped with the program (about 5,800 entries).</summary>
    public static RegionCatalog Default => Embedded.Value;

    /// <summary>Number of entries.</summary>
    public int Count => _regions.Count;

    /// <summary>All entries, ordered by country and code.</summary>
    public IReadOnlyList<Region> All => _ordered;

    /// <summary>Looks a region up by id.</summary>
    public bool TryGet(RegionId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Region? region) =>
        _regions.TryGetValue(id, out region);

    /// <summary>True when the id is in the catalogue.</summary>
    public bool Contains(RegionId id) => _regions.ContainsKey(id);

    /// <summary>The regions directly below <paramref name="id"/>, ordered by code.</summary>
    public IReadOnlyList<Region> ChildrenOf(RegionId id) =>
        _children.TryGetValue(id, out var ids) ? [.. ids.Select(c => _regions[c])] : [];

    /// <summary>The chain above a region, the first-level unit first.</summary>
    public IReadOnlyList<Region> AncestorsOf(RegionId id)
    {
        var chain = new List<Region>();
        var current = _regions.TryGetValue(id, out var start) ? start.ParentId : null;
        while (current is { } parent && _regions.TryGetValue(parent, out var region))
        {
            chain.Add(region);
            current = region.ParentId;
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// True when <paramref name="id"/> is <paramref name="jurisdiction"/> itself or lies under it:
    /// Klaten (ID-33.10) is under Jawa Tengah (ID-33); Nanjing County is under Zhangzhou and Fujian.
    /// </summary>
    public bool IsWithin(RegionId id, RegionId jurisdiction)
    {
        RegionId? current = id;
        while (current is { } candidate)
        {
            if (candidate == jurisdiction)
            {
                return true;
            }

            current = _regions.TryGetValue(candidate, out var region) ? region.ParentId : null;
        }

        return false;
    }

    /// <summary>
    /// Finds every region whose code or name answers to <paramref name="query"/>. Exact names rank
    /// before prefixes and prefixes before substrings; among equally good matches all are returned,
    /// so "Nanjing" yields both Nanjing City (Jiangsu) and Nanjing County (Fujian).
    /// </summary>
    public RegionSearchResult Search(string query, string? country = null, int limit = MaxSearchResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        limit = Math.Clamp(limit, 1, MaxSearchResults);
        var trimmed = query.Trim();
        if (trimmed.Length == 0)
        {
            return new RegionSearchResult(query, [], false);
        }

        if (RegionId.TryParse(trimmed.ToUpperInvariant(), out var byId, out _) && _regions.TryGetValue(byId, out var exactRegion))
        {
            return new RegionSearchResult(query, [Match(exactRegion, "id")], false);
        }

        var normalized = Normalize(trimmed);
        var stripped = StripTypeWords(normalized);
        var hits = new List<(int Rank, Region Region, string MatchedOn)>();
        foreach (var (region, keys) in _searchKeys)
        {
            if (country is not null && !string.Equals(region.Id.Country, country, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(region.Id.Code, trimmed, StringComparison.Ordinal))
            {
                hits.Add((0, region, "code"));
                continue;
            }

            var rank = BestRank(keys, normalized, stripped);
            if (_aliases.TryGetValue(region.Id, out var aliases) && aliases.Contains(normalized))
            {
                rank = 1;
            }

            if (rank is { } r)
            {
                hits.Add((r, region, "name"));
            }
        }

        if (hits.Count == 0)
        {
            return new RegionSearchResult(query, [], false);
        }

        // Only the best tier is returned: a query that names two places exactly is ambiguous, but it
        // is not made ambiguous by places that merely contain the same letters.
        var best = hits.Min(h => h.Rank);
        var tier = hits.Where(h => h.Rank == best).ToList();
        var matches = tier.Take(limit).Select(h => Match(h.Region, h.MatchedOn)).ToList();
        return new RegionSearchResult(query, matches, tier.Count > limit);
    }

    private RegionMatch Match(Region region, string matchedOn) => new(region, AncestorsOf(region.Id), matchedOn);

    private static int? BestRank(string[] keys, string normalized, string stripped)
    {
        int? best = null;
        foreach (var key in keys)
        {
            // The name as written beats the name without its unit word: "Nanjing County" is one
            // place, while "Nanjing" or "Kota Nanjing" could be either of two.
            int? rank = key == normalized ? 1
                : key == stripped ? 2
                : key.StartsWith(stripped, StringComparison.Ordinal) ? 3
                : key.Contains(stripped, StringComparison.Ordinal) ? 4
                : null;
            if (rank is { } r && (best is null || r < best))
            {
                best = r;
            }
        }

        return best;
    }

    private static string[] SearchKeys(Region region)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { region.Name, region.NameEn })
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var normalized = Normalize(name);
            keys.Add(normalized);
            keys.Add(StripTypeWords(normalized));
        }

        keys.Remove(string.Empty);
        return [.. keys];
    }

    /// <summary>Case-folds, removes diacritics and apostrophes, and collapses spaces and dashes.</summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '`')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or ',' or '(' or ')')
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }

    // Unit-type words that people drop or swap when they name a place ("Kota Nanjing" for Nanjing
    // County, "Klaten" for Kabupaten Klaten). Suffixes are single words after normalisation.
    private static readonly string[] Prefixes = ["kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kab ", "kota ", "provinsi ", "city of ", "province of "];
    private static readonly string[] Suffixes =
    [
        " regency", " city", " county", " district", " province", " prefecture", " administrative regency",
        " administrative city", " autonomous county", " autonomous prefecture", " banner", " league",
        " si", " gun", " gu", " do", " shi", " machi", " cho", " mura", " son", " ku",
    ];
    private static readonly string[] NativeSuffixes = ["省", "市", "县", "区", "州", "旗", "盟", "군", "시", "구", "도", "県", "府", "都", "町", "村"];

    internal static string StripTypeWords(string normalized)
    {
        var result = normalized;
        foreach (var prefix in Prefixes)
        {
            if (result.StartsWith(prefix, StringComparison.Ordinal) && result.Length > prefix.Length)
            {
                result = result[prefix.Length..];
                break;
            }
        }

        foreach (var suffix in Suffixes.OrderByDescending(s => s.Length))
        {
            if (result.EndsWith(suffix, StringComparison.Ordinal) && result.Length > suffix.Length)
            {
                result = result[..^suffix.Length];
                break;
            }
        }

        foreach (var suffix in NativeSuffixes)
        {
            if (result.Length > 2 && result.EndsWith(suffix, StringComparison.Ordinal))
            {
                result = result[..^suffix.Length];
                break;
            }
        }

        return result;
    }

    private static RegionCatalog LoadEmbedded()
    {
        var assembly = typeof(RegionCatalog).Assembly;
        var regions = new List<Region>();
        foreach (var (country, resource) in Sources)
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidDataException($"the region catalogue {resource} is not embedded in {assembly.GetName().Name}");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            regions.AddRange(RegionCsv.Read(reader, country));
        }

        using var aliasStream = assembly.GetManifestResourceStream(AliasesResource)
            ?? throw new InvalidDataException($"the region aliases {AliasesResource} are not embedded in {assembly.GetName().Name}");
        using var aliasReader = new StreamReader(aliasStream, Encoding.UTF8);
        return new RegionCatalog(regions, RegionCsv.ReadAliases(aliasReader));
    }

}
