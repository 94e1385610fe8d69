using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CollabPlatform.Host.Hosting;

/// <summary>Logs one line when the replica is ready to serve: its silo, endpoints, database and start-up time.</summary>
internal sealed partial class ReadinessReporter(
    IHostApplicationLifetime lifetime,
    IServer server,
    ILocalSiloDetails silo,
    CollabDatabase database,
    ILogger<ReadinessReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                return;
            }

            using var process = Process.GetCurrentProcess();
            var elapsed = (long)(DateTime.Now - process.StartTime).TotalMilliseconds;
            var addresses = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            var siloAddress = silo.SiloAddress.ToString();
            LogReady(logger, elapsed, siloAddress, addresses, database.Description);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "CollabPlatform ready in {ElapsedMs} ms: silo {Silo}, endpoints {Endpoints}, database {Database}")]
    private static partial void LogReady(ILogger logger, long elapsedMs, string silo, string endpoints, string database);
}
