namespace CollabPlatform.Api.Configuration;

/// <summary>
/// The per-caller rate limit (section <c>Collab:Api:RateLimit</c>): a fixed window of permits per
/// token subject (per remote address for calls without a token), the grpc.health.v1 Watch streams
/// a peer and the server may hold, and how many failed authentications are logged.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = CollabApiOptions.Section + ":RateLimit";

    /// <summary>Whether calls are rate limited at all; on by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Calls one subject (or one address) may make per window; generous, so that only floods meet it.</summary>
    public int PermitsPerWindow { get; set; } = 10_000;

    /// <summary>The length of the window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>grpc.health.v1 Watch streams one remote address may hold open.</summary>
    public int MaxHealthWatchesPerPeer { get; set; } = 16;

    /// <summary>grpc.health.v1 Watch streams all peers together may hold open.</summary>
    public int MaxHealthWatchesTotal { get; set; } = 256;

    /// <summary>Failed authentications logged per <see cref="AuthFailureLogInterval"/>; the rest are counted.</summary>
    public int AuthFailureLogsPerInterval { get; set; } = 20;

    /// <summary>The interval of <see cref="AuthFailureLogsPerInterval"/>.</summary>
    public TimeSpan AuthFailureLogInterval { get; set; } = TimeSpan.FromMinutes(1);
}
