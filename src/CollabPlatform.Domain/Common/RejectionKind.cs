namespace CollabPlatform.Domain.Common;

/// <summary>Why a command was refused; each kind maps to one gRPC status (protos/README.md, "Errors").</summary>
public enum RejectionKind
{
    /// <summary>The command itself is malformed: a missing, too long or inconsistent field.</summary>
    InvalidArgument,

    /// <summary>The aggregate, or something the command refers to inside it, does not exist.</summary>
    NotFound,

    /// <summary>The thing to create exists already.</summary>
    AlreadyExists,

    /// <summary>The command is well formed but the current state does not allow it (an illegal transition).</summary>
    FailedPrecondition,

    /// <summary>A concurrent change got there first; the caller may retry.</summary>
    Conflict,

    /// <summary>The target lies outside the caller's jurisdiction (or does not exist, for a caller who could not see it if it did).</summary>
    PermissionDenied,

    /// <summary>The aggregate already holds as many items of a kind as it may (documents, meetings, reports).</summary>
    LimitExceeded,

    /// <summary>The caller's role may not do this at all, wherever its jurisdiction (e.g. only the ministry records central approvals).</summary>
    RoleNotAllowed,
}
