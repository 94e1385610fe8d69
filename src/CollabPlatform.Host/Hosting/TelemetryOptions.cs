namespace CollabPlatform.Host.Hosting;

/// <summary>
/// Where telemetry goes. OTLP is configured by the standard <c>OTEL_*</c> variables; with none of
/// them and no Prometheus endpoint, nothing is collected at all.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Collab:Telemetry";

    /// <summary>Serve metrics for Prometheus at <c>/metrics</c> on the management port (never on the API's ports).</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// Port of the management endpoint, which serves <c>/metrics</c> and nothing else; opened only
    /// with <see cref="Prometheus"/>. 0 picks a free port (tests).
    /// </summary>
    public int ManagementPort { get; set; } = 9464;

    /// <summary>
    /// Address the management endpoint listens on: loopback by default, so that only the machine
    /// itself scrapes it; in a pod, <c>0.0.0.0</c>, with the NetworkPolicy admitting the scraper.
    /// </summary>
    public string ManagementAddress { get; set; } = "127.0.0.1";

    /// <summary>Collect even without an OTLP endpoint or Prometheus, for exporters added in code (tests add in-memory ones).</summary>
    public bool Enabled { get; set; }

    /// <summary>How often <c>collab.partnerships</c> is re-read from the read model.</summary>
    public TimeSpan PartnershipsRefreshPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
