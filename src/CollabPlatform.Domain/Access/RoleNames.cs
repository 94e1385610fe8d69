namespace CollabPlatform.Domain.Access;

/// <summary>The spelling of each role in tokens, audit records and messages (<c>region-official</c>, ...).</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, Role> ByName = new(StringComparer.Ordinal)
    {
        ["region-official"] = Role.RegionOfficial,
        ["facilitator"] = Role.Facilitator,
        ["ministry"] = Role.Ministry,
        ["auditor"] = Role.Auditor,
        ["admin"] = Role.Admin,
    };

    /// <summary>Every role a token may carry, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> TokenRoles { get; } = [.. ByName.Keys];

    public static string Of(Role role) => role switch
    {
        Role.RegionOfficial => "region-official",
        Role.Facilitator => "facilitator",
        Role.Ministry => "ministry",
        Role.Auditor => "auditor",
        Role.Admin => "admin",
        _ => "system",
    };

    /// <summary>The role a token's <c>role</c> claim names; <see cref="Role.System"/> is never accepted from outside.</summary>
    public static bool TryParse(string? name, out Role role) => ByName.TryGetValue(name ?? string.Empty, out role);
}
