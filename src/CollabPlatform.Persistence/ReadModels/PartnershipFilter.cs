namespace CollabPlatform.Persistence.ReadModels;

/// <summary>
/// Filters of a partnership list; they combine with AND, a list filter matches any of its values and
/// an empty one matches everything. Values are the read model's own (domain enum names, region ids).
/// </summary>
public sealed record PartnershipFilter
{
    /// <summary>Only partnerships a jurisdiction sees: a party lies under it or it facilitates explicitly.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>Only partnerships with a party that is this region or lies under it.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// <see cref="Region"/> and every region under it, from the catalogue: a party must be one of
    /// them, which leaves out ties the region only facilitates explicitly.
    /// </summary>
    public IReadOnlyList<string> RegionSubtree { get; init; } = [];

    public IReadOnlyList<string> Stages { get; init; } = [];

    public IReadOnlyList<string> Sectors { get; init; } = [];

    public string? Kind { get; init; }

    /// <summary>Only partnerships the caller's jurisdiction sees (null for a global caller).</summary>
    public string? Viewer { get; init; }

    /// <summary>A canonical text of the filters, bound into page tokens so that a token is only used with its own filters.</summary>
    public string Key =>
        string.Join('|', "partnerships", Jurisdiction, Region, string.Join(',', Stages.Order(StringComparer.Ordinal)), string.Join(',', Sectors.Order(StringComparer.Ordinal)), Kind, Viewer);
}
