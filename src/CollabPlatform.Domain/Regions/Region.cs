namespace CollabPlatform.Domain.Regions;

/// <summary>An entry of the official region catalogue.</summary>
/// <param name="Id">Country plus official code.</param>
/// <param name="ParentId">The region directly above, or null for a first-level unit.</param>
/// <param name="Level">1 province/prefecture/do, 2 regency/city/prefecture-level unit, 3 county level (China).</param>
/// <param name="Kind">Unit type as the catalogue names it: province, regency, city, county, district, …</param>
/// <param name="Name">Native official name.</param>
/// <param name="NameEn">English or romanised name, or null where the catalogue has none.</param>
public sealed record Region(RegionId Id, RegionId? ParentId, int Level, string Kind, string Name, string? NameEn)
{
    /// <summary>The name to show first: English where known, else the native name.</summary>
    public string DisplayName => NameEn ?? Name;
}
