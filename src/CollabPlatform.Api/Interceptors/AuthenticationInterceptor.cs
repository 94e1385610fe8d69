using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Access;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace CollabPlatform.Api.Interceptors;

/// <summary>
/// Authenticates every rpc except health and reflection before its handler runs: the
/// <c>authorization: Bearer &lt;JWT&gt;</c> metadata (an HTTP header for JSON calls) must hold a valid
/// token (UNAUTHENTICATED otherwise), and the token's role must be one that may call the rpc at all
/// (PERMISSION_DENIED, reason ROLE_NOT_ALLOWED, otherwise). The caller is then handed to the
/// service through <see cref="AuthenticatedCallerAccessor"/>. Runs inside the error interceptor.
/// </summary>
public sealed class AuthenticationInterceptor(TokenValidator tokens, ILogger<AuthenticationInterceptor> logger) : Interceptor
{
    private const string AuthorizationHeader = "authorization";
    private const string BearerPrefix = "Bearer ";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        if (MethodAccess.IsPublic(context.Method))
        {
            return;
        }

        var header = context.RequestHeaders.GetValue(AuthorizationHeader);
        var check = string.IsNullOrEmpty(header)
            ? TokenCheck.Refused("this call needs a token: send the metadata 'authorization: Bearer <JWT>' (for development, mint one with 'collab token')")
            : !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length
                ? TokenCheck.Refused("the authorization metadata must be 'Bearer ' followed by a JWT")
                : await tokens.ValidateAsync(header[BearerPrefix.Length..].Trim());

        if (check.Principal is not { } principal)
        {
            Log.Unauthenticated(logger, context.Method, check.Problem!);
            throw RpcErrors.Unauthenticated(check.Problem!, check.Reason);
        }

        if (!MethodAccess.Allows(context.Method, principal.Role))
        {
            var roles = MethodAccess.RolesOf(context.Method);
            var role = RoleNames.Of(principal.Role);
            Log.RoleNotAllowed(logger, context.Method, principal.Subject, role);
            throw RpcErrors.RoleNotAllowed(
                roles.Count == 0
                    ? $"no role may call {context.Method}"
                    : $"the role {role} may not call {context.Method}; it is for {string.Join(", ", roles.Select(RoleNames.Of))}",
                role);
        }

        AuthenticatedCallerAccessor.Set(context, new Caller(principal) { TokenExpiresAt = check.ExpiresAt });
    }
}
