namespace CollabPlatform.Grains.Abstractions;

/// <summary>
/// Grain keys are the domain ids behind a prefix, so that none parses as a number and the grain
/// type is readable in logs and in the storage tables.
/// </summary>
public static class GrainKeys
{
    public const string PartnershipPrefix = "partnership:";
    public const string ProgramPrefix = "program:";
    public const string RegionPrefix = "region:";

    public static string Partnership(string partnershipId) => PartnershipPrefix + partnershipId;

    public static string Program(string programId) => ProgramPrefix + programId;

    public static string Region(string regionId) => RegionPrefix + regionId;

    /// <summary>The domain id inside a key with the given prefix.</summary>
    public static string IdOf(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal)
            ? key[prefix.Length..]
            : throw new ArgumentException($"grain key '{key}' does not start with '{prefix}'", nameof(key));
}
