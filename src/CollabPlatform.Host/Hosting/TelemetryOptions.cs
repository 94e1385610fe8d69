namespace CollabPlatform.Host.Hosting;

/// <summary>
/// Where telemetry goes. OTLP is configured by the standard <c>OTEL_*</c> variables; with none of
/// them and no Prometheus endpoint, nothing is collected at all.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Collab:Telemetry";

    /// <summary>Serve metrics for Prometheus at <c>/metrics</c> on the HTTP port.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Collect even without an OTLP endpoint or Prometheus, for exporters added in code (tests add in-memory ones).</summary>
    public bool Enabled { get; set; }

    /// <summary>How often <c>collab.partnerships</c> is re-read from the read model.</summary>
    public TimeSpan PartnershipsRefreshPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
