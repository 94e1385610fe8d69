using CollabPlatform.Persistence.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CollabPlatform.Host.Hosting;

/// <summary>Cross-cutting defaults of every replica: logging, telemetry, shutdown.</summary>
public static class DefaultsHostingExtensions
{
    public static IHostApplicationBuilder AddCollabDefaults(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.AddHostedService<ReadinessReporter>();
        // Orleans leaves the cluster and hands its grains over on SIGTERM; give it time to.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddCollabTelemetry();
        return builder;
    }

    /// <summary>
    /// Traces across gRPC, Orleans (its activity propagation carries one trace from the gateway
    /// into grains on other silos) and Npgsql; metrics from ASP.NET Core, Orleans, the runtime,
    /// Npgsql and our own meter. Nothing is registered unless something will read it.
    /// </summary>
    public static IHostApplicationBuilder AddCollabTelemetry(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
            || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"])
            || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"]);
        builder.Services.AddSingleton(options);
        if (!otlp && !options.Prometheus && !options.Enabled)
        {
            return builder;
        }

        builder.Services.AddHostedService<PartnershipStageGauge>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "collab-host", serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddNpgsql()
                .AddSource(CollabTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans", "Npgsql", CollabTelemetry.Name);
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
        }

        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is switched on.</summary>
    public static WebApplication MapCollabTelemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TelemetryOptions>().Prometheus)
        {
            app.MapPrometheusScrapingEndpoint();
        }

        return app;
    }
}
