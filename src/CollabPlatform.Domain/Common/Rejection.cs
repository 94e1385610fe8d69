namespace CollabPlatform.Domain.Common;

/// <summary>A refused command, with a reason an official can act on.</summary>
/// <param name="Kind">The category, which decides the status code.</param>
/// <param name="Reason">Plain-language explanation naming the stage, document or field concerned.</param>
/// <param name="Field">For <see cref="RejectionKind.InvalidArgument"/>: the offending field as a proto-style path (e.g. <c>counterpart.region</c>).</param>
public sealed record Rejection(RejectionKind Kind, string Reason, string? Field = null)
{
    public static Rejection Invalid(string field, string reason) => new(RejectionKind.InvalidArgument, reason, field);

    public static Rejection Precondition(string reason) => new(RejectionKind.FailedPrecondition, reason);

    public static Rejection NotFound(string reason, string? field = null) => new(RejectionKind.NotFound, reason, field);

    public static Rejection Exists(string reason, string? field = null) => new(RejectionKind.AlreadyExists, reason, field);

    public static Rejection Limit(string reason) => new(RejectionKind.LimitExceeded, reason);

    public static Rejection OutOfScope(string reason) => new(RejectionKind.PermissionDenied, reason);

    public static Rejection RoleNotAllowed(string reason) => new(RejectionKind.RoleNotAllowed, reason, "role");
}
