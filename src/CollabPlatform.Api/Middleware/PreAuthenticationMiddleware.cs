using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.RateLimiting;
using CollabPlatform.Domain.Access;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CollabPlatform.Api.Middleware;

/// <summary>
/// Refuses a call to a collab.v1 rpc without a valid bearer token before a byte of its body is
/// read (gRPC and JSON alike), so that an anonymous peer cannot make the server receive, buffer or
/// parse anything. The proven principal goes on the request for the rate limiter; the
/// authentication interceptor still checks the token and the role for the handler.
/// </summary>
public sealed class PreAuthenticationMiddleware(RequestDelegate next, TokenValidator tokens, LogThrottle throttle, ILogger<PreAuthenticationMiddleware> logger)
{
    /// <summary>The key of the proven <see cref="Principal"/> in <see cref="HttpContext.Items"/>.</summary>
    public const string PrincipalKey = "collab.principal";

    private const string BearerPrefix = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName;
        if (method is null || MethodAccess.IsPublic(method))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var check = string.IsNullOrEmpty(header)
            ? TokenCheck.Refused("this call needs a token: send the metadata 'authorization: Bearer <JWT>' (for development, mint one with 'collab token')")
            : !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length
                ? TokenCheck.Refused("the authorization metadata must be 'Bearer ' followed by a JWT")
                : await tokens.ValidateAsync(header[BearerPrefix.Length..].Trim());

        if (check.Principal is not { } principal)
        {
            var problem = check.Problem;
            if (logger.IsEnabled(LogLevel.Information) && throttle.TryEnter(out var suppressed))
            {
                var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                Log.Unauthenticated(logger, method, remote, problem!, suppressed);
            }

            await RpcResponses.WriteAsync(context, RpcErrors.Unauthenticated(problem!, check.Reason));
            return;
        }

        context.Items[PrincipalKey] = principal;
        await next(context);
    }
}
