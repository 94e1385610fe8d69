using CollabPlatform.Api.Errors;
using Grpc.Core;

namespace CollabPlatform.Api.Identity;

/// <summary>The caller that <see cref="Interceptors.AuthenticationInterceptor"/> proved and stored on the call.</summary>
public sealed class AuthenticatedCallerAccessor : ICallerAccessor
{
    /// <summary>The key of the caller in <see cref="ServerCallContext.UserState"/>.</summary>
    public const string UserStateKey = "collab.caller";

    public Caller GetCaller(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(UserStateKey, out var value) && value is Caller caller
            ? caller
            : throw RpcErrors.Unauthenticated("this call carries no authenticated caller; send 'authorization: Bearer <JWT>'");
    }

    /// <summary>Records the authenticated caller on the call.</summary>
    public static void Set(ServerCallContext context, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.UserState[UserStateKey] = caller;
    }
}
