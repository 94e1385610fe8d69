using System.Diagnostics.Metrics;
using CollabPlatform.Persistence.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// Publishes <c>collab.partnerships</c>: partnerships by stage across the whole deployment, read
/// from the read model every refresh period (never on the exporter's thread). The instrument lives
/// on a meter of this Host's own, so it goes away with the Host.
/// </summary>
internal sealed partial class PartnershipStageGauge(
    NpgsqlDataSource dataSource,
    IMeterFactory meters,
    IOptions<TelemetryOptions> options,
    ILogger<PartnershipStageGauge> logger) : BackgroundService
{
    /// <summary>Name of the gauge.</summary>
    public const string InstrumentName = "collab.partnerships";

    /// <summary>Tag holding the stage (the domain's stage name, e.g. <c>LetterOfIntent</c>).</summary>
    public const string StageTag = "collab.stage";

    private volatile IReadOnlyList<Measurement<long>> _latest = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var meter = meters.Create(CollabTelemetry.Name);
        meter.CreateObservableGauge(InstrumentName, () => _latest, "{partnership}", "Partnerships by stage, from the read model");
        using var timer = new PeriodicTimer(options.Value.PartnershipsRefreshPeriod);
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
            measurements.Add(new Measurement<long>(reader.GetInt64(1), new KeyValuePair<string, object?>(StageTag, reader.GetString(0))));
        }

        return measurements;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Could not refresh the partnerships-by-stage gauge; the last values stay published")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
