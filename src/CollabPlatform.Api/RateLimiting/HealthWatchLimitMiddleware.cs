using System.Collections.Concurrent;
using System.Net;
using CollabPlatform.Api.Configuration;
using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Middleware;
using Microsoft.AspNetCore.Http;

namespace CollabPlatform.Api.RateLimiting;

/// <summary>
/// Caps the grpc.health.v1 Watch streams, which need no token and stay open for as long as the
/// peer likes: at most so many per remote address and so many in all, each refusal
/// RESOURCE_EXHAUSTED (TOO_MANY_WATCHES). Check is a single answer and passes untouched.
/// </summary>
public sealed class HealthWatchLimitMiddleware(RequestDelegate next, RateLimitOptions options)
{
    public const string WatchPath = "/grpc.health.v1.Health/Watch";

    private readonly ConcurrentDictionary<IPAddress, int> _perPeer = new();
    private int _total;

    /// <summary>Watch streams open now.</summary>
    public int Total => Volatile.Read(ref _total);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.Equals(context.Request.Path.Value, WatchPath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var peer = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (Enter(peer) is { } refusal)
        {
            await RpcResponses.WriteAsync(context, refusal);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Exit(peer);
        }
    }

    private Grpc.Core.RpcException? Enter(IPAddress peer)
    {
        if (Interlocked.Increment(ref _total) > options.MaxHealthWatchesTotal)
        {
            Interlocked.Decrement(ref _total);
            return RpcErrors.TooManyWatches("This server", options.MaxHealthWatchesTotal);
        }

        var refused = false;
        _perPeer.AddOrUpdate(peer, 1, (_, open) =>
        {
            refused = open >= options.MaxHealthWatchesPerPeer;
            return refused ? open : open + 1;
        });
        if (refused)
        {
            Interlocked.Decrement(ref _total);
            return RpcErrors.TooManyWatches($"The address {peer}", options.MaxHealthWatchesPerPeer);
        }

        return null;
    }

    private void Exit(IPAddress peer)
    {
        _perPeer.AddOrUpdate(peer, 0, (_, open) => Math.Max(0, open - 1));
        _perPeer.TryRemove(KeyValuePair.Create(peer, 0));
        Interlocked.Decrement(ref _total);
    }
}
