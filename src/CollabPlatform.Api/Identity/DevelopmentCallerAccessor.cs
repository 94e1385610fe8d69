using CollabPlatform.Api.Errors;
using Grpc.Core;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Development identity: the actor is whatever the <c>x-collab-actor</c> metadata header says
/// (gRPC metadata, or an HTTP header for JSON calls), <c>anonymous</c> without one. It authenticates
/// nobody; it only names who is recorded on the events until JWT authentication replaces it.
/// </summary>
public sealed class DevelopmentCallerAccessor : ICallerAccessor
{
    public const string ActorHeader = "x-collab-actor";

    public const string Anonymous = "anonymous";

    public const int MaxActorLength = 100;

    public Caller GetCaller(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.RequestHeaders.GetValue(ActorHeader);
        if (value is null)
        {
            return new Caller(Anonymous);
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxActorLength || value != value.Trim()
            || value.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            throw RpcErrors.InvalidArgument(
                ActorHeader,
                $"the {ActorHeader} header names the acting person or system: 1 to {MaxActorLength} printable characters without surrounding spaces, e.g. official:ID-33.10; leave it out to act as {Anonymous}");
        }

        return new Caller(value);
    }
}
