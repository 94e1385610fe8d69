using CollabPlatform.Api.Errors;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Api.Identity;

/// <summary>Who is calling, as their token proved it: the subject recorded on every change, the role and the jurisdiction.</summary>
/// <param name="Principal">The authenticated subject, role and jurisdiction.</param>
public sealed record Caller(Principal Principal)
{
    /// <summary>The token's subject, e.g. <c>official:ID-33.10</c>; recorded as the actor of every change.</summary>
    public string Actor => Principal.Subject;

    /// <summary>When the token that proved the caller expires; a stream ends then (null: no token, e.g. in unit tests).</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>The jurisdiction a list is limited to: the caller's own, or null for a global caller (admin).</summary>
    public string? Viewer => Principal.IsGlobal ? null : Principal.Jurisdiction;

    /// <summary>PERMISSION_DENIED (OUT_OF_SCOPE) unless <paramref name="scope"/> lies within the caller's jurisdiction.</summary>
    public void RequireScope(string scope, RegionCatalog catalog)
    {
        if (AccessPolicy.CheckScope(Principal, scope, catalog) is { } outside)
        {
            throw RpcErrors.OutOfScope(outside, Principal.Jurisdiction);
        }
    }
}
