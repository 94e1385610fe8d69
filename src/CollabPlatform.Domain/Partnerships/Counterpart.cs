using System.Text.Json.Serialization;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Partnerships;

/// <summary>
/// The foreign party: a local government from the catalogue (KSDPL) or an institution (KSDLL).
/// Exactly one of the two is set; use <see cref="OfRegion"/> or <see cref="OfInstitution"/>.
/// </summary>
public sealed record Counterpart
{
    [JsonConstructor]
    public Counterpart(RegionId? region, Institution? institution)
    {
        Region = region;
        Institution = institution;
    }

    /// <summary>The foreign local government, for every kind except Institutional.</summary>
    public RegionId? Region { get; }

    /// <summary>The foreign institution, for the Institutional kind.</summary>
    public Institution? Institution { get; }

    [JsonIgnore]
    public bool IsRegion => Region is not null && Institution is null;

    [JsonIgnore]
    public bool IsInstitution => Institution is not null && Region is null;

    public static Counterpart OfRegion(RegionId region) => new(region, null);

    public static Counterpart OfInstitution(Institution institution) => new(null, institution);

    public override string ToString() => Region?.ToString() ?? Institution?.Name ?? "(none)";
}
