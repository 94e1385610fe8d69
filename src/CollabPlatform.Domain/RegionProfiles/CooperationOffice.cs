namespace CollabPlatform.Domain.RegionProfiles;

/// <summary>The region's international-cooperation office (e.g. the Bagian Kerja Sama of the regional secretariat).</summary>
public sealed record CooperationOffice(string Name, string? Email = null, string? Phone = null, string? Address = null);
