using Npgsql;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// Samples what PostgreSQL's backends are doing (pg_stat_activity) every 50 ms, to show where a
/// database-bound operation spends its time: running, waiting for the client, or waiting on a lock.
/// </summary>
internal sealed class WaitEventSampler : IAsyncDisposable
{
    private const string Query = """
        SELECT CASE WHEN state = 'idle' THEN 'idle'
                    WHEN wait_event IS NULL THEN 'running'
                    ELSE wait_event_type || ':' || wait_event END
        FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name NOT LIKE 'bench%'
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task _sampling = Task.CompletedTask;

    public WaitEventSampler(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "bench-sampler", MaxPoolSize = 1 };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Backend states seen and how often, busiest first; idle backends left out.</summary>
    public IReadOnlyList<(string State, double Share)> Shares
    {
        get
        {
            lock (_counts)
            {
                var busy = _counts.Where(c => c.Key != "idle").ToList();
                var total = Math.Max(busy.Sum(c => c.Value), 1);
                return [.. busy.OrderByDescending(c => c.Value).Select(c => (c.Key, (double)c.Value / total))];
            }
        }
    }

    public void Start() => _sampling = SampleAsync(_stop.Token);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        await _dataSource.DisposeAsync();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await using var command = _dataSource.CreateCommand(Query);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var state = reader.IsDBNull(0) ? "unknown" : reader.GetString(0);
                    lock (_counts)
                    {
                        _counts[state] = _counts.GetValueOrDefault(state) + 1;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
