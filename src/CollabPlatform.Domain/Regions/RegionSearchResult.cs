namespace CollabPlatform.Domain.Regions;

/// <summary>
/// Every region a query matched. When more than one distinct region answers to the same query the
/// result is ambiguous and the caller must choose; the catalogue never guesses.
/// </summary>
public sealed record RegionSearchResult(string Query, IReadOnlyList<RegionMatch> Matches, bool Truncated)
{
    /// <summary>True when the query names more than one region.</summary>
    public bool IsAmbiguous => Matches.Count > 1;
}
