using Grpc.Core;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Resolves the caller of a call. The one seam authentication plugs into: the development resolver
/// reads a header today; JWT bearer tokens (DESIGN.md §6) will replace it here and nowhere else.
/// </summary>
public interface ICallerAccessor
{
    /// <summary>The caller, or an RpcException (INVALID_ARGUMENT, later UNAUTHENTICATED) when the call names none acceptably.</summary>
    Caller GetCaller(ServerCallContext context);
}
