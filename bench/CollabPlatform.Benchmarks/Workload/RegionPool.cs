using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Benchmarks.Workload;

/// <summary>Real regions from the project's catalogue, picked deterministically for the load.</summary>
internal sealed class RegionPool
{
    private readonly RegionCatalog _catalog = RegionCatalog.Default;

    public RegionPool()
    {
        Provinces = [.. _catalog.All.Where(r => r.Id.Country == "ID" && r.Level == 1).Select(r => r.Id.ToString())];
        ForeignMunicipalities = [.. _catalog.All.Where(r => r.Id.Country is "CN" or "KR" or "JP" && r.Level >= 2).Select(r => r.Id.ToString())];
    }

    /// <summary>Every Indonesian province, e.g. <c>ID-33</c> Jawa Tengah.</summary>
    public IReadOnlyList<string> Provinces { get; }

    /// <summary>Chinese, Korean and Japanese regions a sister city can be with (level 2 or 3).</summary>
    public IReadOnlyList<string> ForeignMunicipalities { get; }

    /// <summary>Every region of the catalogue, Indonesian and foreign.</summary>
    public IReadOnlyList<string> All => [.. _catalog.All.Select(r => r.Id.ToString())];

    /// <summary>The regencies and cities of an Indonesian province.</summary>
    public IReadOnlyList<string> MunicipalitiesOf(string province) =>
        [.. _catalog.ChildrenOf(RegionId.Parse(province)).Where(r => r.Level == 2).Select(r => r.Id.ToString())];

    /// <summary>Every Indonesian regency and city.</summary>
    public IReadOnlyList<string> AllMunicipalities() => [.. Provinces.SelectMany(MunicipalitiesOf)];
}
