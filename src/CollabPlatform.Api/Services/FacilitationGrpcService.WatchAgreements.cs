using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Persistence.Feeds;
using Grpc.Core;

namespace CollabPlatform.Api.Services;

public sealed partial class FacilitationGrpcService
{
    private const string ReconnectAdvice = "reconnect, to any server, with the cursor of the last event or heartbeat you processed";

    /// <summary>
    /// The scope's committed events after the cursor, then live ones, served by this replica's
    /// <see cref="FeedHub"/>: catch-up reads the ledger, live delivery shares one tail of it.
    /// </summary>
    public override async Task WatchAgreements(WatchAgreementsRequest request, IServerStreamWriter<WatchAgreementsResponse> responseStream, ServerCallContext context)
    {
        FacilitationRequestValidator.Validate(request, out var cursor).ThrowIfInvalid();
        var scope = catalog.RequireJurisdiction(request.Scope, "scope");
        var caller = callers.GetCaller(context);
        caller.RequireScope(scope, catalog);
        if (!await ledger.IsPositionAsync(cursor, context.CancellationToken))
        {
            throw RpcErrors.InvalidArgument(
                "after_cursor",
                $"after_cursor {request.AfterCursor} names no committed event, so this server never issued it: pass the cursor of the last event or heartbeat you processed, unchanged, or leave it empty to replay the whole history");
        }

        // A stream ends when its token expires (the caller must prove itself again) and after the
        // maximum lifetime (so that no stream outlives key rotation or rebalancing for long).
        using var tokenExpiry = caller.TokenExpiresAt is { } expiresAt
            ? new CancellationTokenSource(Until(expiresAt), time)
            : new CancellationTokenSource();
        using var maxLifetime = new CancellationTokenSource(streams.MaxLifetime, time);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping, tokenExpiry.Token, maxLifetime.Token);
        if (streams.Enter(caller.Actor) is { } exhausted)
        {
            throw exhausted;
        }

        Log.WatchStarted(logger, scope, request.AfterCursor);
        try
        {
            // Headers at once: otherwise they leave with the first message, which on a quiet scope
            // is a heartbeat interval away, and a client waiting to know it is connected waits that long.
            await context.WriteResponseHeadersAsync(new Metadata());
            await foreach (var item in feeds.SubscribeAsync(scope, cursor, stopping.Token))
            {
                var response = item.IsHeartbeat
                    ? new WatchAgreementsResponse { Heartbeat = new Heartbeat { Cursor = item.Cursor.ToString(), ServerTime = item.ServerTime.ToProto() } }
                    : new WatchAgreementsResponse { Event = item.Event.ToSharedAgreementEvent() };
                await responseStream.WriteAsync(response, stopping.Token);
                cursor = item.Cursor;
            }
        }
        catch (FeedUnavailableException)
        {
            throw RpcErrors.Unavailable($"the agreement feeds of this server stopped; {ReconnectAdvice}");
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw RpcErrors.Unavailable($"this server is shutting down; {ReconnectAdvice}");
        }
        catch (OperationCanceledException) when (tokenExpiry.IsCancellationRequested)
        {
            throw RpcErrors.StreamTokenExpired(caller.TokenExpiresAt!.Value);
        }
        catch (OperationCanceledException) when (maxLifetime.IsCancellationRequested)
        {
            throw RpcErrors.StreamLifetimeReached(streams.MaxLifetime);
        }
        finally
        {
            streams.Exit(caller.Actor);
            Log.WatchEnded(logger, scope, cursor);
        }
    }

    private TimeSpan Until(DateTimeOffset moment)
    {
        var left = moment - time.GetUtcNow();
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }
}
