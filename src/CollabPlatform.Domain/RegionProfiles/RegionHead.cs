namespace CollabPlatform.Domain.RegionProfiles;

/// <summary>A head of region (governor, bupati, wali kota, county head, gunsu…) and the term served.</summary>
/// <param name="Name">The person.</param>
/// <param name="Title">The office, e.g. "Bupati Purwakarta".</param>
/// <param name="TermStart">First day in office.</param>
/// <param name="TermEnd">Last day in office, or null while serving or when unknown.</param>
public sealed record RegionHead(string Name, string Title, DateOnly TermStart, DateOnly? TermEnd = null);
