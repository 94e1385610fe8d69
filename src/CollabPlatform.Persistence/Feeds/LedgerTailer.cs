using System.Globalization;
using System.Threading.Channels;
using CollabPlatform.Persistence.Ledger;
using CollabPlatform.Persistence.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CollabPlatform.Persistence.Feeds;

/// <summary>
/// Follows the ledger for the whole process and publishes what it reads, in ledger order, to the
/// <see cref="FeedHub"/>: one query per wake-up, however many watchers there are. It wakes when a
/// writer announces a commit (<see cref="EventLedger"/>, migration 0008), and also every
/// <see cref="FeedOptions.PollInterval"/> in case notifications were lost.
/// </summary>
public sealed class LedgerTailer : BackgroundService
{
    /// <summary>The notification channel <see cref="EventLedger"/> announces each commit on.</summary>
    public const string NotificationChannel = "collab_ledger";

    // Ordered by the table's columns: a bare "tx_id" in ORDER BY would name the text output column,
    // and "999" sorts after "1000". The horizon is the one EventLedger.ReadAllAsync reads below.
    private const string HeadQuery = LedgerHorizon.With + $"""
        SELECT tx_id::text, position
        FROM collab_ledger
        WHERE tx_id < {LedgerHorizon.Value}
        ORDER BY collab_ledger.tx_id DESC, collab_ledger.position DESC
        LIMIT 1
        """;

    // A listening connection that stays silent this long is checked, so a dead one is noticed.
    private static readonly TimeSpan ListenKeepAlive = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaximumBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstHiddenCommitRetry = TimeSpan.FromMilliseconds(10);

    // Often enough that a writer stuck at the horizon is visible within a few seconds.
    private static readonly TimeSpan HorizonCheckInterval = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly IEventLedger _ledger;
    private readonly FeedHub _hub;
    private readonly FeedOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LedgerTailer> _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Lock _requestsGate = new();
    private List<TaskCompletionSource> _passRequests = [];
    private bool _stopped;
    private ulong _notifiedThrough;
    private LedgerCursor _head;
    private ulong _warnedWriter;
    private int _failures;
    private int _hiddenRetries;
    private readonly string _databaseName;

    public LedgerTailer(
        NpgsqlDataSource dataSource,
        IEventLedger ledger,
        FeedHub hub,
        IOptions<FeedOptions> options,
        TimeProvider timeProvider,
        ILogger<LedgerTailer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _ledger = ledger;
        _hub = hub;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _databaseName = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database ?? "";
    }

    /// <summary>
    /// Reads the ledger now; completes once a read pass that began after this call has published
    /// everything readable. For tests and for callers that must not wait for a notification.
    /// </summary>
    public Task PollAsync(CancellationToken cancellationToken)
    {
        var request = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_requestsGate)
        {
            if (_stopped)
            {
                return Task.FromException(new FeedUnavailableException("The ledger tailer has stopped."));
            }

            _passRequests.Add(request);
        }

        Wake();
        return request.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _head = await ReadInitialHeadAsync(stoppingToken);
            _hub.Open(_head);
            _logger.TailerStarted(_head);
            await Task.WhenAll(ListenAsync(stoppingToken), TailAsync(stoppingToken));
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            List<TaskCompletionSource> abandoned;
            lock (_requestsGate)
            {
                _stopped = true;
                abandoned = _passRequests;
                _passRequests = [];
            }

            foreach (var request in abandoned)
            {
                request.TrySetException(new FeedUnavailableException("The ledger tailer has stopped."));
            }

            var closed = _hub.Close();
            _logger.TailerStopped(_head, closed);
        }
    }

    private async Task<LedgerCursor> ReadInitialHeadAsync(CancellationToken cancellationToken)
    {
        // Only what is final counts, as in EventLedger.ReadAllAsync: any row committed later has
        // a transaction id at or above today's horizon, so it comes after this head.
        for (var failures = 1; ; failures++)
        {
            try
            {
                await using var command = _dataSource.CreateCommand(HeadQuery);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? new LedgerCursor(ulong.Parse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture), reader.GetInt64(1))
                    : LedgerCursor.Start;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff(failures);
                _logger.ReadFailed(LedgerCursor.Start, (long)delay.TotalMilliseconds, exception);
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
        }
    }

    private async Task TailAsync(CancellationToken cancellationToken)
    {
        var drainDue = true;
        var nextDrain = _timeProvider.GetTimestamp();
        var nextHorizonCheck = _timeProvider.GetTimestamp();
        while (true)
        {
            if (drainDue)
            {
                var nextWake = await PassAsync(cancellationToken);
                nextDrain = _timeProvider.GetTimestamp() + Ticks(nextWake);
            }

            // Between passes too, so that a stuck writer shows within seconds however long the
            // poll interval is; the check reads only pg_locks and pg_stat_activity.
            if (_timeProvider.GetTimestamp() >= nextHorizonCheck)
            {
                await CheckHorizonAsync(cancellationToken);
                nextHorizonCheck = _timeProvider.GetTimestamp() + Ticks(HorizonCheckInterval);
            }

            var now = _timeProvider.GetTimestamp();
            var wait = TimeSpan.FromTicks(Math.Max(0, Math.Min(nextDrain, nextHorizonCheck) - now) * TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency);
            var woken = await WaitForWakeAsync(wait, cancellationToken);
            drainDue = woken || _timeProvider.GetTimestamp() >= nextDrain;
        }
    }

    /// <summary>One read pass; returns how long to wait for the next one when nothing wakes the tailer.</summary>
    private async Task<TimeSpan> PassAsync(CancellationToken cancellationToken)
    {
        List<TaskCompletionSource> requests;
        lock (_requestsGate)
        {
            requests = _passRequests;
            _passRequests = [];
        }

        TimeSpan? nextWake = null;
        try
        {
            await DrainAsync(cancellationToken);
            _failures = 0;
            foreach (var request in requests)
            {
                request.TrySetResult();
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_requestsGate)
            {
                _passRequests.AddRange(requests);
            }

            nextWake = Backoff(++_failures);
            _logger.ReadFailed(_head, (long)nextWake.Value.TotalMilliseconds, exception);
        }

        // A notified commit that the pass did not reach is hidden behind an older ledger writer
        // still open; it becomes readable as soon as that one ends, which may notify nothing.
        var notified = Volatile.Read(ref _notifiedThrough);
        if (nextWake is null && notified > _head.TransactionId)
        {
            var retry = FirstHiddenCommitRetry * (1 << Math.Min(_hiddenRetries++, 10));
            nextWake = retry < _options.PollInterval ? retry : _options.PollInterval;
            _logger.CommitNotYetReadable(notified, (long)nextWake.Value.TotalMilliseconds);
        }
        else if (nextWake is null)
        {
            _hiddenRetries = 0;
        }

        return nextWake ?? _options.PollInterval;
    }

    /// <summary>
    /// Samples which of our ledger writers holds the horizon and for how long: the gauge
    /// <see cref="CollabTelemetry.FeedHorizonLag"/>, and one warning per writer past
    /// <see cref="FeedOptions.HorizonHoldWarning"/>.
    /// </summary>
    private async Task CheckHorizonAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(LedgerHorizon.StatusQuery);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return;
            }

            var horizon = ulong.Parse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture);
            var held = reader.IsDBNull(3) ? 0.0 : Math.Max(0.0, reader.GetDouble(3));
            if (!reader.IsDBNull(1) && held >= _options.HorizonHoldWarning.TotalSeconds && horizon != _warnedWriter)
            {
                _warnedWriter = horizon;
                _logger.HorizonHeld(horizon, reader.GetInt32(1), reader.IsDBNull(2) ? "" : reader.GetString(2), held, _options.HorizonHoldWarning.TotalSeconds);
            }

            CollabTelemetry.FeedHorizonLag.Record(held, new KeyValuePair<string, object?>("db.namespace", _databaseName));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            _logger.HorizonCheckFailed(exception);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _timeProvider.TimestampFrequency);

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var events = await _ledger.ReadAllAsync(_head, null, _options.TailBatchSize, cancellationToken);
            if (events.Count == 0)
            {
                return;
            }

            _hub.Publish(events);
            _head = events[^1].Cursor;
            if (events.Count < _options.TailBatchSize)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand("LISTEN " + NotificationChannel, connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                _logger.Listening(NotificationChannel);
                failures = 0;

                // Commits made while nothing listened were not announced.
                Wake();
                while (true)
                {
                    if (!await connection.WaitAsync(ListenKeepAlive, cancellationToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(cancellationToken);
                    }
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff(++failures);
                _logger.ListenFailed((long)delay.TotalMilliseconds, exception);
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (ulong.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId))
        {
            var seen = Volatile.Read(ref _notifiedThrough);
            while (transactionId > seen)
            {
                var previous = Interlocked.CompareExchange(ref _notifiedThrough, transactionId, seen);
                if (previous == seen)
                {
                    break;
                }

                seen = previous;
            }
        }

        Wake();
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or the timeout; true when woken.</summary>
    private async Task<bool> WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_wake.Reader.TryRead(out _))
        {
            return true;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = new CancellationTokenSource(timeout, _timeProvider);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: poll.
            return false;
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        var delay = TimeSpan.FromMilliseconds(100 * Math.Pow(2, Math.Min(failures - 1, 10)));
        return delay < MaximumBackoff ? delay : MaximumBackoff;
    }
}
