using System.Net;
using CollabPlatform.Persistence.Telemetry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace CollabPlatform.Host.Hosting;

/// <summary>Cross-cutting defaults of every replica: logging, telemetry, shutdown.</summary>
public static class DefaultsHostingExtensions
{
    /// <summary>The service name in telemetry unless <c>OTEL_SERVICE_NAME</c> or <c>OTEL_RESOURCE_ATTRIBUTES</c> says otherwise.</summary>
    public const string DefaultServiceName = "collab-host";

    /// <summary>The standard variables that name an OTLP endpoint; any one of them switches OTLP export on.</summary>
    public static IReadOnlyList<string> OtlpEndpointVariables { get; } =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    public static IHostApplicationBuilder AddCollabDefaults(this IHostApplicationBuilder builder)
    {
        // Every log line carries the trace and span of the call it belongs to, so a line found in
        // the console leads to the whole trace, across replicas.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
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
    /// Npgsql and our own meter; logs with their trace ids. Nothing is registered unless something
    /// will read it: an OTLP endpoint, the Prometheus endpoint, or <see cref="TelemetryOptions.Enabled"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCollabTelemetry(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        var otlp = OtlpEndpointVariables.Any(name => !string.IsNullOrWhiteSpace(builder.Configuration[name]));
        if (!otlp && !options.Prometheus && !options.Enabled)
        {
            return builder;
        }

        builder.Services.AddHostedService<PartnershipStageGauge>();
        var telemetry = builder.Services.AddOpenTelemetry()
            // Our defaults first, then the standard variables again, so that OTEL_SERVICE_NAME and
            // OTEL_RESOURCE_ATTRIBUTES win over them.
            .ConfigureResource(resource => resource
                .AddService(serviceName: DefaultServiceName, serviceInstanceId: Environment.MachineName)
                .AddEnvironmentVariableDetector())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(
                    ActivitySources.ApplicationGrainActivitySourceName,
                    ActivitySources.RuntimeActivitySourceName,
                    ActivitySources.LifecycleActivitySourceName,
                    ActivitySources.StorageActivitySourceName)
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
        if (options.Prometheus)
        {
            AddManagementEndpoint(builder, options);
        }

        if (otlp || options.Enabled)
        {
            telemetry.WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Serves the Prometheus scrape endpoint on the management port when it is switched on. The
    /// branch answers every request that reaches that port, so the API's routes are not served there,
    /// and no request on the API's ports reaches it.
    /// </summary>
    public static WebApplication MapCollabTelemetry(this WebApplication app)
    {
        if (app.Services.GetService<ManagementEndpoint>() is { } management)
        {
            app.MapWhen(management.Receives, branch =>
            {
                branch.UseOpenTelemetryPrometheusScrapingEndpoint();
                branch.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            });
        }

        return app;
    }

    // Metrics tell an outsider what the platform holds and how busy it is: they get a listener of
    // their own, on loopback unless configured otherwise, apart from the API's published ports.
    private static void AddManagementEndpoint(IHostApplicationBuilder builder, TelemetryOptions options)
    {
        var management = new ManagementEndpoint();
        builder.Services.AddSingleton(management);
        // Bad values are reported by the options validator at start; here they only must not throw first.
        var address = IPAddress.TryParse(options.ManagementAddress, out var parsed) ? parsed : IPAddress.Loopback;
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Listen(address, Math.Clamp(options.ManagementPort, 0, 65535), listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            management.Bind(listen);
        }));
    }
}
