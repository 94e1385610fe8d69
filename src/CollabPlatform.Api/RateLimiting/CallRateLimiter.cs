using System.Net;
using System.Threading.RateLimiting;
using CollabPlatform.Api.Configuration;
using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Middleware;
using CollabPlatform.Domain.Access;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace CollabPlatform.Api.RateLimiting;

/// <summary>
/// The partitions of ASP.NET Core's rate limiter: a fixed window per token subject (proven by
/// <see cref="PreAuthenticationMiddleware"/>), per remote address for calls without one, and none
/// for what is not a gRPC or JSON rpc. A refusal is RESOURCE_EXHAUSTED (RATE_LIMITED) with a
/// RetryInfo over gRPC, and 429 with Retry-After and the same status over JSON.
/// </summary>
public static class CallRateLimiter
{
    /// <summary>Sets <paramref name="limiter"/> up from <paramref name="options"/>.</summary>
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
        limiter.OnRejected = (rejected, _) => RejectAsync(rejected, options);
    }

    /// <summary>Whom a call counts against: "subject:…", "address:…", or no one.</summary>
    public static string? PartitionKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is null)
        {
            return null;
        }

        return context.Items.TryGetValue(PreAuthenticationMiddleware.PrincipalKey, out var value) && value is Principal principal
            ? "subject:" + principal.Subject
            : "address:" + (context.Connection.RemoteIpAddress ?? IPAddress.None);
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options) =>
        PartitionKey(context) is { } key
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitsPerWindow,
                Window = options.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty);

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitOptions options)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : options.Window;
        var key = PartitionKey(rejected.HttpContext) ?? "this peer";
        var who = key.StartsWith("subject:", StringComparison.Ordinal) ? key["subject:".Length..] : key["address:".Length..];
        await RpcResponses.WriteAsync(rejected.HttpContext, RpcErrors.RateLimited(who, options.PermitsPerWindow, options.Window, retryAfter));
    }
}
