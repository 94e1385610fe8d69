namespace CollabPlatform.Api.Errors;

/// <summary>
/// The stable <c>google.rpc.ErrorInfo.reason</c> values of collab.v1 (protos/README.md, "Errors").
/// Clients branch on these, so they are never renamed.
/// </summary>
public static class ErrorReasons
{
    /// <summary>The <c>ErrorInfo.domain</c> of every error this API raises.</summary>
    public const string Domain = "collab.v1";

    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string RegionNotFound = "REGION_NOT_FOUND";
    public const string PartnershipNotFound = "PARTNERSHIP_NOT_FOUND";
    public const string JointProgramNotFound = "JOINT_PROGRAM_NOT_FOUND";
    public const string NotFound = "NOT_FOUND";
    public const string AlreadyExists = "ALREADY_EXISTS";
    public const string IllegalTransition = "ILLEGAL_TRANSITION";
    public const string VersionMismatch = "VERSION_MISMATCH";
    public const string OutOfScope = "OUT_OF_SCOPE";

    /// <summary>The caller's role may not do this anywhere (e.g. a facilitator changing a partnership, anyone but the ministry recording a central approval).</summary>
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";

    /// <summary>No token, or one that is malformed, expired, wrongly signed or meant for another audience.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>A WatchAgreements stream outlived its token; reconnect with a fresh token and the last cursor.</summary>
    public const string TokenExpired = "TOKEN_EXPIRED";

    /// <summary>The token carries <c>sub</c>, <c>role</c> or <c>jurisdiction</c> more than once (a JSON array).</summary>
    public const string TokenClaimRepeated = "TOKEN_CLAIM_REPEATED";

    /// <summary>The token's <c>sub</c> is blank, too long, padded, or holds control or format characters.</summary>
    public const string TokenSubjectInvalid = "TOKEN_SUBJECT_INVALID";

    /// <summary>The token's <c>role</c> is missing or not one of the roles of the API.</summary>
    public const string TokenRoleInvalid = "TOKEN_ROLE_INVALID";

    /// <summary>The token's <c>jurisdiction</c> is not a canonical jurisdiction id that fits its role.</summary>
    public const string TokenJurisdictionInvalid = "TOKEN_JURISDICTION_INVALID";

    /// <summary>The token's <c>typ</c> header is missing or neither <c>JWT</c> nor <c>at+jwt</c>.</summary>
    public const string TokenTypeInvalid = "TOKEN_TYPE_INVALID";

    /// <summary>The token has no numeric <c>iat</c>, or one in the future.</summary>
    public const string TokenIssuedAtInvalid = "TOKEN_ISSUED_AT_INVALID";

    /// <summary>The token's lifetime (<c>exp</c> − <c>iat</c>) is longer than the server accepts.</summary>
    public const string TokenLifetimeTooLong = "TOKEN_LIFETIME_TOO_LONG";

    /// <summary>A WatchAgreements stream reached the server's maximum stream lifetime; reconnect at once with the last cursor.</summary>
    public const string StreamLifetime = "STREAM_LIFETIME";

    /// <summary>A request, or what it asks for, is over a limit of the API (e.g. a message over the size limit); the metadata names the limit.</summary>
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>The caller sent more calls than the rate limit allows; a RetryInfo says when to try again.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The server already serves as many grpc.health.v1 Watch streams as it may, from this peer or from all together.</summary>
    public const string TooManyWatches = "TOO_MANY_WATCHES";

    public const string TooManyStreams = "TOO_MANY_STREAMS";

    /// <summary>The server already serves as many WatchAgreements streams as it may, from all callers together.</summary>
    public const string ServerStreamsExhausted = "SERVER_STREAMS_EXHAUSTED";

    /// <summary>The server cannot answer now (shutting down, the cluster or database unreachable); retry with backoff.</summary>
    public const string Unavailable = "UNAVAILABLE";

    /// <summary>The call's deadline passed before the server answered.</summary>
    public const string DeadlineExceeded = "DEADLINE_EXCEEDED";

    /// <summary>The caller cancelled the call.</summary>
    public const string Cancelled = "CANCELLED";

    /// <summary>A fault of the server; the metadata carries the correlation id of its log entry.</summary>
    public const string Internal = "INTERNAL";
}
