using System.Diagnostics.Metrics;
using CollabPlatform.Persistence.Telemetry;
using Npgsql;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// Publishes <c>collab.partnerships</c>: partnerships by stage across the whole deployment, read
/// from the read model every refresh period (never on the exporter's thread).
/// </summary>
internal sealed partial class PartnershipStageGauge(NpgsqlDataSource dataSource, ILogger<PartnershipStageGauge> logger) : BackgroundService
{
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(30);

    private volatile IReadOnlyList<Measurement<long>> _latest = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        CollabTelemetry.Meter.CreateObservableGauge("collab.partnerships", () => _latest, "{partnership}", "Partnerships by stage, from the read model");
        using var timer = new PeriodicTimer(RefreshPeriod);
        do
        {
            try
            {
                _latest = await ReadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<IReadOnlyList<Measurement<long>>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT stage, count(*) FROM collab_partnerships GROUP BY stage");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var measurements = new List<Measurement<long>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            measurements.Add(new Measurement<long>(reader.GetInt64(1), new KeyValuePair<string, object?>("collab.stage", reader.GetString(0))));
        }

        return measurements;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Could not refresh the partnerships-by-stage gauge; the last values stay published")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
