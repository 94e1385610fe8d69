using System.Diagnostics;
using CollabPlatform.Integration.Tests.Api;
using CollabPlatform.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CollabPlatform.Integration.Tests.Telemetry;

/// <summary>
/// Two replicas of one cluster, A and B, started in this process by <see cref="Host.Hosting.CollabHost"/>
/// on one private PostgreSQL, with telemetry switched on as an operator would (no OTLP endpoint:
/// in-memory exporters instead). A records spans, metrics, log records and console lines; B serves
/// Prometheus.
/// Both Hosts in one process is what lets one in-memory exporter see both sides of a call: the
/// spans of every activity source are heard process-wide, so A's tracer provider also receives
/// the spans that B's silo starts; which replica a grain runs on is established through Orleans.
/// </summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    /// <summary>OTEL_SERVICE_NAME of replica A; B keeps the default.</summary>
    public const string ServiceNameA = "collab-it-a";

    private readonly Lock _collecting = new();
    private TestDatabase? _database;

    public ApiHost A { get; private set; } = null!;

    public ApiHost B { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    /// <summary>Every span that ended in this process while A runs.</summary>
    public RecordedCollection<Activity> Spans { get; } = new();

    /// <summary>Log records as A's OpenTelemetry logging (what OTLP would export) hands them on.</summary>
    public RecordedCollection<ExportedLog> Logs { get; } = new();

    /// <summary>A's log lines as its console prints them.</summary>
    public ConsoleLineRecorder ConsoleLines { get; private set; } = null!;

    private RecordedCollection<MetricSnapshot> Metrics { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        var clusterId = "otel-it-" + Guid.NewGuid().ToString("N")[..8];
        A = await ApiHost.StartAsync(ConnectionString, clusterId, Settings(ServiceNameA, detailedLogs: true, prometheus: false), RecordTelemetry);
        B = await ApiHost.StartAsync(ConnectionString, clusterId, Settings(serviceName: null, detailedLogs: false, prometheus: true));
        await WaitForMembersAsync(A, 2);
        await WaitForMembersAsync(B, 2);
    }

    /// <summary>
    /// The one way these tests reach a Host's API, so that whatever a call needs to be admitted
    /// (today the actor, which the client sends as a header; later a token) is given in one place.
    /// </summary>
    internal static ApiConnection Connect(ApiHost host, string actor) => new(host.GrpcAddress, actor);

    /// <summary>Collects A's metrics now and returns the latest value of each.</summary>
    public IReadOnlyDictionary<string, MetricSnapshot> CollectMetrics()
    {
        lock (_collecting)
        {
            Metrics.Clear();
            if (!A.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000))
            {
                throw new TimeoutException("A's meter provider did not collect its metrics within 10 s");
            }

            return Metrics.Snapshot().GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        }
    }

    /// <summary>The first recorded span that matches, waiting up to 10 s for it to end.</summary>
    public async Task<Activity> WaitForSpanAsync(Func<Activity, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (Spans.Snapshot().FirstOrDefault(match) is { } span)
            {
                return span;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no span of {what} ended within 10 s");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The spans of the trace in which the grain <paramref name="grainId"/> ran <c>ExecuteAsync</c>,
    /// once the gateway span on A of that trace has ended too.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> WaitForTraceOfCommandAsync(GrainId grainId)
    {
        var target = grainId.ToString();
        // Only a call that came through the gateway counts: a test may call the grain directly first.
        static bool IsGateway(Activity s) => s.Source.Name == "Microsoft.AspNetCore" && s.ParentSpanId == default;
        var grain = await WaitForSpanAsync(
            s => s.Kind == ActivityKind.Server && Tag(s, "orleans.rpc.target_id") == target && s.DisplayName.EndsWith("/ExecuteAsync", StringComparison.Ordinal)
                && Spans.Snapshot().Any(g => g.TraceId == s.TraceId && IsGateway(g)),
            $"the gateway's grain call to {target}");
        return [.. Spans.Snapshot().Where(s => s.TraceId == grain.TraceId)];
    }

    /// <summary>A span's tag as text, or null.</summary>
    public static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    public async Task DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    // Prometheus is B's: a scrape endpoint's reader refuses collection outside a scrape, so A's
    // meter provider, whose in-memory reader the tests flush, has none.
    private static Dictionary<string, string?> Settings(string? serviceName, bool detailedLogs, bool prometheus)
    {
        var settings = new Dictionary<string, string?>
        {
            // What an operator sets besides an OTLP endpoint; the endpoint variables are set empty so
            // that one in the test machine's environment cannot send these tests' telemetry anywhere.
            ["Collab:Telemetry:Enabled"] = "true",
            ["Collab:Telemetry:Prometheus"] = prometheus ? "true" : "false",
            ["Collab:Telemetry:ManagementPort"] = "0",
            ["Collab:Telemetry:PartnershipsRefreshPeriod"] = "00:00:01",
            // An idle feed says so soon, which tells a test that it follows the ledger live.
            ["Collab:Feeds:HeartbeatInterval"] = "00:00:00.200",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Empty,
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = string.Empty,
            ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = string.Empty,
            ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = string.Empty,
            ["OTEL_SERVICE_NAME"] = serviceName,
        };
        if (detailedLogs)
        {
            // Enough detail that one call and the silo's start-up (its options) write lines.
            settings["Logging:LogLevel:Default"] = "Information";
            settings["Logging:LogLevel:Orleans"] = "Information";
            settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Information";
            settings["Logging:LogLevel:Grpc"] = "Debug";
        }

        return settings;
    }

    private void RecordTelemetry(WebApplicationBuilder builder)
    {
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(new LogRecorder(Logs)));
        // The console's own output is left out of the test log; the recorder prints the same lines.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(_ => false);
        builder.Services.AddSingleton<ILoggerProvider>(services =>
        {
            ConsoleLines = new ConsoleLineRecorder(services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Simple));
            return ConsoleLines;
        });
    }

    private static async Task WaitForMembersAsync(ApiHost host, int count)
    {
        var membership = host.Services.GetRequiredService<IClusterMembershipService>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the silo of {host.GrpcAddress} did not see {count} active silos within 60 s");
            }

            await Task.Delay(100);
        }
    }

    private sealed class LogRecorder(RecordedCollection<ExportedLog> logs) : BaseProcessor<LogRecord>
    {
        // Log records are pooled and reused after export: keep what the tests read, not the record.
        public override void OnEnd(LogRecord data) =>
            logs.Add(new ExportedLog(data.CategoryName ?? string.Empty, data.FormattedMessage ?? string.Empty, data.TraceId, data.SpanId));
    }
}
