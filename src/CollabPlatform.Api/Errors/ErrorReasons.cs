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
    public const string LimitExceeded = "LIMIT_EXCEEDED";
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
