using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Persistence.Ledger;
using Grpc.Core;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A facilitator's client of WatchAgreements as a real one is written: it keeps every event it
/// received and the cursor of the last event or heartbeat, and reconnects with that cursor.
/// </summary>
internal sealed class FeedTap(string scope)
{
    private readonly List<AgreementEvent> _events = [];

    public string Scope { get; } = scope;

    public IReadOnlyList<AgreementEvent> Events => _events;

    /// <summary>Where a reconnect resumes: the last event's or heartbeat's cursor; empty for the whole history.</summary>
    public string Cursor { get; private set; } = string.Empty;

    /// <summary>The last heartbeat received, if any.</summary>
    public Heartbeat? LastHeartbeat { get; private set; }

    /// <summary>How many streams this tap opened.</summary>
    public int Connections { get; private set; }

    public LedgerCursor Position => LedgerCursor.TryParse(Cursor, out var cursor) ? cursor : throw new InvalidOperationException($"the server sent the cursor '{Cursor}'");

    /// <summary>
    /// Opens one stream after <see cref="Cursor"/> and reads until <paramref name="done"/> holds
    /// after a message (then it hangs up), the stream fails (the error is returned: the caller
    /// decides whether to reconnect), or <paramref name="limit"/> passes (TimeoutException).
    /// </summary>
    public async Task<RpcException?> ReadAsync(CollabClient client, Func<FeedTap, bool> done, TimeSpan limit, Action<AgreementEvent>? onEvent = null)
    {
        using var timeout = new CancellationTokenSource(limit);
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        Connections++;

        // An explicit "no deadline": the client's default deadline suits unary calls, not a feed.
        using var call = client.Facilitation.WatchAgreements(
            new WatchAgreementsRequest { Scope = Scope, AfterCursor = Cursor },
            deadline: DateTime.MaxValue,
            cancellationToken: hangUp.Token);
        try
        {
            while (await call.ResponseStream.MoveNext(hangUp.Token))
            {
                var message = call.ResponseStream.Current;
                if (message.Event is { } @event)
                {
                    _events.Add(@event);
                    Cursor = @event.Cursor;
                    onEvent?.Invoke(@event);
                }
                else
                {
                    LastHeartbeat = message.Heartbeat;
                    Cursor = message.Heartbeat.Cursor;
                }

                if (done(this))
                {
                    await hangUp.CancelAsync();
                    return null;
                }
            }

            throw new InvalidOperationException($"the feed of {Scope} ended without an error, which a feed never does");
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled && hangUp.IsCancellationRequested)
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"the feed of {Scope} did not reach its goal within {limit}: {_events.Count} events, cursor '{Cursor}'");
            }

            return null;
        }
        catch (RpcException error)
        {
            return error;
        }
    }

    /// <summary>
    /// Reads until an event or heartbeat at or past <paramref name="through"/>: the feed is in ledger
    /// order, so every event of the scope up to it has then arrived.
    /// </summary>
    public async Task CatchUpAsync(CollabClient client, LedgerCursor through, TimeSpan limit)
    {
        var error = await ReadAsync(client, tap => tap.Cursor.Length > 0 && tap.Position >= through, limit);
        if (error is not null)
        {
            throw new InvalidOperationException($"the feed of {Scope} failed while catching up to {through}", error);
        }
    }
}
