namespace CollabPlatform.Host.Hosting;

/// <summary>How this replica joins the cluster. Every replica of one deployment shares the ids.</summary>
public sealed class CollabOrleansOptions
{
    public const string Section = "Collab:Orleans";

    /// <summary>
    /// Orleans' own <c>ClusterMembershipOptions</c> (probe timeout, missed probes, votes, table
    /// refresh), by their Orleans names: how fast a crashed replica is declared dead. Unset keys keep
    /// Orleans' defaults; tests shorten them so that a failover fits in seconds.
    /// </summary>
    public const string MembershipSection = Section + ":Membership";

    public string ClusterId { get; set; } = "collab-dev";

    public string ServiceId { get; set; } = "collab";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// Port of the Orleans gateway, for Orleans clients; 0 (the default) opens none. A client there
    /// names its own principal, so open it only where every process that reaches it is trusted
    /// (tests that call grains directly); the API and the CLI speak gRPC and need no gateway.
    /// </summary>
    public int GatewayPort { get; set; }

    /// <summary>Address other silos reach this one at; loopback by default (a single machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
