namespace CollabPlatform.Grains.Regions;

/// <summary>A request the region grain applied: who sent it, its id, fingerprint and resulting version.</summary>
[GenerateSerializer, Alias("collab.RegionRequestRecord")]
public sealed class RegionRequestRecord
{
    [Id(0)]
    public string RequestId { get; set; } = string.Empty;

    [Id(1)]
    public string? RequestHash { get; set; }

    [Id(2)]
    public long Version { get; set; }

    /// <summary>The actor whose request it was; null in records stored before requests were told apart by actor, which match any actor.</summary>
    [Id(3)]
    public string? Actor { get; set; }
}
