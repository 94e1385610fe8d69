using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// Who the benchmark's callers are: a signing key made for this run, the Host settings that trust
/// it (and no development key), and bearer tokens minted with it. Every Host a scenario measures
/// under load is started with <see cref="HostSettings"/>; <see cref="ApiClient.Connect"/> is the only
/// place a token is minted and attached.
/// </summary>
internal static class BenchIdentity
{
    // Longer than any run of the suite, so no token expires while it is in use.
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    private static readonly Lazy<DevelopmentSigningKey> Key = new(DevelopmentSigningKey.Create);

    /// <summary>The operator: reads everything and changes anything but central-government approvals.</summary>
    public static Principal Admin { get; } = new("bench:admin", Role.Admin, null);

    /// <summary>Host settings that accept this run's tokens, and only them.</summary>
    public static IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Collab:Auth:SigningKeys:0:KeyId"] = Key.Value.KeyId,
        ["Collab:Auth:SigningKeys:0:PublicKey"] = Key.Value.PublicKeyPem,
        ["Collab:Auth:DevelopmentKey"] = "false",
    };

    /// <summary>An official of <paramref name="region"/> (e.g. <c>ID-33.10</c>): changes the partnerships it is a party to.</summary>
    public static Principal Official(string region) => new($"official:{region}", Role.RegionOfficial, region);

    /// <summary>A facilitator of <paramref name="jurisdiction"/> (a region id or a ministry scope): reads and watches it.</summary>
    public static Principal Facilitator(string jurisdiction, string? name = null) => new(name ?? $"facilitator:{jurisdiction}", Role.Facilitator, jurisdiction);

    /// <summary>The ministry of a country (<c>MINISTRY-ID</c>): reads its partnerships and records central-government approvals.</summary>
    public static Principal Ministry(string scope) => new($"ministry:{scope}", Role.Ministry, scope);

    /// <summary>A bearer token for <paramref name="principal"/>.</summary>
    public static string Token(Principal principal) =>
        TokenIssuer.Issue(Key.Value.SigningCredentials, CollabAuthOptions.DefaultIssuer, CollabAuthOptions.DefaultAudience, principal, DateTimeOffset.UtcNow, Lifetime);
}
