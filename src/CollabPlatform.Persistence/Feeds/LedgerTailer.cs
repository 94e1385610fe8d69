using System.Globalization;
using System.Threading.Channels;
using CollabPlatform.Persistence.Ledger;
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
        var failures = 0;
        var hiddenRetries = 0;
        while (true)
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
                failures = 0;
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

                nextWake = Backoff(++failures);
                _logger.ReadFailed(_head, (long)nextWake.Value.TotalMilliseconds, exception);
            }

            // A notified commit that the pass did not reach is hidden behind an older transaction
            // still open; it becomes readable as soon as that one ends, which may notify nothing.
            var notified = Volatile.Read(ref _notifiedThrough);
            if (nextWake is null && notified > _head.TransactionId)
            {
                var retry = FirstHiddenCommitRetry * (1 << Math.Min(hiddenRetries++, 10));
                nextWake = retry < _options.PollInterval ? retry : _options.PollInterval;
                _logger.CommitNotYetReadable(notified, (long)nextWake.Value.TotalMilliseconds);
            }
            else if (nextWake is null)
            {
                hiddenRetries = 0;
            }

            await WaitForWakeAsync(nextWake ?? _options.PollInterval, cancellationToken);
        }
    }

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

    private async Task WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_wake.Reader.TryRead(out _))
        {
            return;
        }

        using var timer = new CancellationTokenSource(timeout, _timeProvider);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: poll.
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        var delay = TimeSpan.FromMilliseconds(100 * Math.Pow(2, Math.Min(failures - 1, 10)));
        return delay < MaximumBackoff ? delay : MaximumBackoff;
    }
}
