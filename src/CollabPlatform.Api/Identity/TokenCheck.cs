using CollabPlatform.Api.Errors;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Api.Identity;

/// <summary>What a token proves: the caller and when the token expires, or why it is refused.</summary>
/// <param name="Principal">The caller, or null when the token is refused.</param>
/// <param name="Problem">One sentence for the caller when refused; never contains the token.</param>
/// <param name="Reason">The ErrorInfo reason of the refusal (one of <see cref="ErrorReasons"/>).</param>
/// <param name="ExpiresAt">The token's <c>exp</c>, for an accepted token.</param>
public sealed record TokenCheck(Principal? Principal, string? Problem, string Reason, DateTimeOffset? ExpiresAt)
{
    public static TokenCheck Accepted(Principal principal, DateTimeOffset expiresAt) => new(principal, null, string.Empty, expiresAt);

    public static TokenCheck Refused(string problem, string reason = ErrorReasons.Unauthenticated) => new(null, problem, reason, null);

    public void Deconstruct(out Principal? principal, out string? problem)
    {
        principal = Principal;
        problem = Problem;
    }
}
