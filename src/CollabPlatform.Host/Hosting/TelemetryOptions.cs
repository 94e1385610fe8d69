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

    /// <summary>Collect even without an exporter (tests add their own in-memory exporters).</summary>
    public bool Enabled { get; set; }
}
