using Grpc.Core;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Resolves the caller of a call. The authentication interceptor has already checked the bearer
/// token of every call that reaches a service; this hands its result to the service.
/// </summary>
public interface ICallerAccessor
{
    /// <summary>The authenticated caller, or UNAUTHENTICATED when the call carries none.</summary>
    Caller GetCaller(ServerCallContext context);
}
