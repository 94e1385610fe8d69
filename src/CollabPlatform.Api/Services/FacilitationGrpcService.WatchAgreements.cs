using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Persistence.Telemetry;
using Grpc.Core;

namespace CollabPlatform.Api.Services;

// A plain polling loop over the ledger, kept in this one file so that the feed engine
// (src/CollabPlatform.Persistence/Feeds) can replace it without touching the rest of the service.
public sealed partial class FacilitationGrpcService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public override async Task WatchAgreements(WatchAgreementsRequest request, IServerStreamWriter<WatchAgreementsResponse> responseStream, ServerCallContext context)
    {
        FacilitationRequestValidator.Validate(request, out var cursor).ThrowIfInvalid();
        var scope = catalog.RequireJurisdiction(request.Scope, "scope");
        var caller = callers.GetCaller(context);
        if (!await ledger.IsPositionAsync(cursor, context.CancellationToken))
        {
            throw RpcErrors.InvalidArgument(
                "after_cursor",
                $"after_cursor {request.AfterCursor} names no committed event, so this server never issued it: pass the cursor of the last event or heartbeat you processed, unchanged, or leave it empty to replay the whole history");
        }

        if (!streams.TryEnter(caller.Actor))
        {
            throw RpcErrors.TooManyStreams(caller.Actor, streams.MaxPerCaller);
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        CollabTelemetry.FeedWatchers.Add(1);
        Log.WatchStarted(logger, scope, request.AfterCursor);
        try
        {
            var lastSent = time.GetTimestamp();
            while (true)
            {
                // The horizon is read before the events: once a read comes back short, every event of
                // the scope up to it has been sent, so the cursor may move on to it (a quiet scope's
                // heartbeats still advance) without skipping a commit still in flight.
                var horizon = await ledger.HorizonAsync(token);
                var batch = await eventLedger.ReadAllAsync(cursor, scope, BatchSize, token);
                foreach (var stored in batch)
                {
                    await responseStream.WriteAsync(new WatchAgreementsResponse { Event = stored.ToAgreementEvent() }, token);
                    CollabTelemetry.FeedLag.Record((time.GetUtcNow() - stored.OccurredAt).TotalMilliseconds);
                    cursor = stored.Cursor;
                    lastSent = time.GetTimestamp();
                }

                if (batch.Count == BatchSize)
                {
                    continue;
                }

                if (horizon > cursor)
                {
                    cursor = horizon;
                }

                if (time.GetElapsedTime(lastSent) >= HeartbeatInterval)
                {
                    var heartbeat = new Heartbeat { Cursor = cursor.ToString(), ServerTime = time.GetUtcNow().ToProto() };
                    await responseStream.WriteAsync(new WatchAgreementsResponse { Heartbeat = heartbeat }, token);
                    lastSent = time.GetTimestamp();
                }

                await Task.Delay(PollInterval, time, token);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw RpcErrors.Unavailable("this server is shutting down; reconnect, to any server, with the cursor of the last event or heartbeat you processed");
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            CollabTelemetry.FeedWatchers.Add(-1);
            streams.Exit(caller.Actor);
            Log.WatchEnded(logger, scope, cursor);
        }
    }
}
