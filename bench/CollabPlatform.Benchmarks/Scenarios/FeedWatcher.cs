using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Contracts.V1;
using Grpc.Core;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>
/// One facilitator watching a scope: reads its WatchAgreements stream, checks that cursors only
/// increase (so nothing repeats and the order is the ledger's), counts and fingerprints what it got,
/// and while <see cref="MeasureGate.Open"/> records each event's delay from its occurred_at.
/// </summary>
internal sealed class FeedWatcher(ApiClient client, string scope, FeedCursor after, MeasureGate gate)
{
    private long _events;
    private Task? _reading;

    public string Scope { get; } = scope;

    public long Events => Volatile.Read(ref _events);

    public long Heartbeats { get; private set; }

    /// <summary>Sum of the fingerprints of the events received (see <see cref="FeedCursor.Fingerprint"/>).</summary>
    public ulong Fingerprint { get; private set; }

    /// <summary>Events whose cursor was not after the previous one: a repeat or a reordering.</summary>
    public long OutOfOrder { get; private set; }

    public LatencyHistogram Latency { get; } = new();

    /// <summary>Times the stream ended with UNAVAILABLE and was resumed from the last cursor.</summary>
    public int Reconnects { get; private set; }

    public string? LastReconnectReason { get; private set; }

    /// <summary>Why the stream ended, when it ended other than by the benchmark cancelling it.</summary>
    public Exception? Failure { get; private set; }

    public void Start(CancellationToken cancellationToken) => _reading = ReadAsync(cancellationToken);

    public Task Completion => _reading ?? Task.CompletedTask;

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var last = after;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await ReadStreamAsync(() => last, c => last = c, cancellationToken);
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
            {
                // What the contract asks of a client: reconnect with the last cursor received.
                Reconnects++;
                LastReconnectReason = ex.Status.Detail;
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
            catch (Exception ex)
            {
                Failure = ex;
                return;
            }
        }
    }

    private async Task ReadStreamAsync(Func<FeedCursor> last, Action<FeedCursor> advanced, CancellationToken cancellationToken)
    {
        using var call = client.Facilitation.WatchAgreements(
            new WatchAgreementsRequest { Scope = Scope, AfterCursor = last().ToString() },
            cancellationToken: cancellationToken);
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            var response = call.ResponseStream.Current;
            if (response.PayloadCase != WatchAgreementsResponse.PayloadOneofCase.Event)
            {
                Heartbeats++;
                advanced(FeedCursor.Parse(response.Heartbeat.Cursor) is var beat && beat > last() ? beat : last());
                continue;
            }

            var received = DateTime.UtcNow;
            var @event = response.Event;
            if (gate.Open)
            {
                Latency.Record(received - @event.OccurredAt.ToDateTime());
            }

            var cursor = FeedCursor.Parse(@event.Cursor);
            if (cursor <= last())
            {
                OutOfOrder++;
            }

            advanced(cursor);
            Fingerprint = unchecked(Fingerprint + cursor.Fingerprint());
            Volatile.Write(ref _events, _events + 1);
        }
    }
}

/// <summary>Whether deliveries count towards the measured latency (false during set-up and warm-up).</summary>
internal sealed class MeasureGate
{
    private volatile bool _open;

    public bool Open
    {
        get => _open;
        set => _open = value;
    }
}
