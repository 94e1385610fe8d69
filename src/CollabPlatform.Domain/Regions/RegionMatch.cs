namespace CollabPlatform.Domain.Regions;

/// <summary>One hit of a catalogue search, with its parent chain so that namesakes can be told apart.</summary>
/// <param name="Region">The matching region.</param>
/// <param name="Path">The regions above it, nearest last: Fujian, Zhangzhou for Nanjing County.</param>
/// <param name="MatchedOn">What matched: code, name or English name.</param>
public sealed record RegionMatch(Region Region, IReadOnlyList<Region> Path, string MatchedOn);
