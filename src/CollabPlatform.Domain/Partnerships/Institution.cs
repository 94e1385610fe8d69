using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Partnerships;

/// <summary>A foreign institution as counterpart of a KSDLL (Muara Enim's Japanese partners, 2018).</summary>
/// <param name="Name">The institution's name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code, not ID.</param>
/// <param name="Region">Where it sits, when that region is in the catalogue.</param>
/// <param name="Kind">What it is: university, company, association, agency…</param>
public sealed record Institution(string Name, string Country, RegionId? Region = null, string? Kind = null);
