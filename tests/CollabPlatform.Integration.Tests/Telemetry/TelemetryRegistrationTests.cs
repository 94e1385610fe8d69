using CollabPlatform.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CollabPlatform.Integration.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryRegistrationTests(TelemetryFixture fixture)
{
    // The Hosts below are built, never started, and nothing is resolved from them: what they would
    // run is read from their service registrations.
    [Fact]
    public async Task Host_WithNoOtelVariablesAndNoPrometheus_RegistersNoTelemetryAtAll()
    {
        var services = await RegistrationsAsync(otlpEndpoint: string.Empty);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TracerProvider) || d.ServiceType == typeof(MeterProvider) || d.ServiceType == typeof(LoggerProvider));
        Assert.DoesNotContain(services, d => d.ServiceType.Assembly == typeof(BaseProcessor<>).Assembly || ImplementationOf(d)?.Assembly == typeof(BaseProcessor<>).Assembly);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService) && ImplementationOf(d)?.Name == "PartnershipStageGauge");
    }

    [Fact]
    public async Task Host_WithAnOtlpEndpoint_RegistersTracesMetricsAndLogs()
    {
        var services = await RegistrationsAsync(otlpEndpoint: "http://127.0.0.1:4317");

        Assert.Contains(services, d => d.ServiceType == typeof(TracerProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(MeterProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(LoggerProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && ImplementationOf(d)?.Name == "PartnershipStageGauge");
    }

    [Fact]
    public void ServiceName_IsOtelServiceNameWhenSetAndCollabHostOtherwise()
    {
        Assert.Equal(TelemetryFixture.ServiceNameA, ServiceNameOf(fixture.A.Services));
        Assert.Equal(DefaultsHostingExtensions.DefaultServiceName, ServiceNameOf(fixture.B.Services));
    }

    private async Task<List<ServiceDescriptor>> RegistrationsAsync(string otlpEndpoint)
    {
        List<ServiceDescriptor> services = [];
        await using var app = await CollabHost.BuildAsync([], Settings(otlpEndpoint), builder => services = [.. builder.Services]);
        return services;
    }

    private Dictionary<string, string?> Settings(string otlpEndpoint)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Collab"] = fixture.ConnectionString,
            ["Collab:Database:MigrateOnStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var variable in DefaultsHostingExtensions.OtlpEndpointVariables)
        {
            settings[variable] = string.Empty;
        }

        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
        return settings;
    }

    private static Type? ImplementationOf(ServiceDescriptor service) =>
        service.IsKeyedService ? service.KeyedImplementationType : service.ImplementationType;

    private static string? ServiceNameOf(IServiceProvider services) =>
        services.GetRequiredService<TracerProvider>().GetResource().Attributes.FirstOrDefault(a => a.Key == "service.name").Value?.ToString();
}
