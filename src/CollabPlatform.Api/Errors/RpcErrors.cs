using System.Globalization;
using CollabPlatform.Domain.Common;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Api.Errors;

/// <summary>
/// The one place that turns a failure into a gRPC status (DESIGN.md §5, protos/README.md "Errors"):
/// the code, a message meant for people, and the <c>google.rpc</c> details machines read, i.e. a
/// <c>BadRequest</c> for INVALID_ARGUMENT and an <c>ErrorInfo</c> with a stable reason for everything
/// else. Nothing built here is ever UNKNOWN.
/// </summary>
public static class RpcErrors
{
    /// <summary>How many field violations the status message lists; the BadRequest detail has all.</summary>
    private const int ViolationsInMessage = 5;

    /// <summary>INVALID_ARGUMENT naming every offending field.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count == 0)
        {
            throw new ArgumentException("an INVALID_ARGUMENT needs at least one field violation", nameof(violations));
        }

        var listed = string.Join("; ", violations.Take(ViolationsInMessage).Select(v => $"{v.Field}: {v.Description}"));
        var more = violations.Count > ViolationsInMessage ? $"; and {violations.Count - ViolationsInMessage} more (see the BadRequest detail)" : string.Empty;
        var message = violations.Count == 1
            ? $"The request is invalid: {listed}."
            : $"The request has {violations.Count} invalid fields: {listed}{more}.";
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        return Build(StatusCode.InvalidArgument, message, badRequest);
    }

    /// <summary>INVALID_ARGUMENT for one field.</summary>
    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    /// <summary>INVALID_ARGUMENT for a request message that is not valid protobuf for its rpc (or not a complete gRPC frame).</summary>
    public static RpcException MalformedMessage(string problem) => InvalidArgument("request", problem);

    /// <summary>RESOURCE_EXHAUSTED (LIMIT_EXCEEDED) for a request message over the size limit.</summary>
    public static RpcException MessageTooLarge(int limit, long? size = null) =>
        Build(
            StatusCode.ResourceExhausted,
            size is { } bytes
                ? $"The request message has {bytes} bytes, more than the limit of {limit} bytes; send a smaller message (e.g. fewer items per call)."
                : $"The request message is larger than the limit of {limit} bytes; send a smaller message (e.g. fewer items per call).",
            Info(
                ErrorReasons.LimitExceeded,
                ("limit", "max_receive_message_size"),
                ("max_bytes", limit.ToString(CultureInfo.InvariantCulture)),
                ("size_bytes", size?.ToString(CultureInfo.InvariantCulture))));

    /// <summary>RESOURCE_EXHAUSTED (RATE_LIMITED) with the delay after which a retry may succeed.</summary>
    public static RpcException RateLimited(string who, int permits, TimeSpan window, TimeSpan retryAfter) =>
        Build(
            StatusCode.ResourceExhausted,
            $"Too many calls from {who}: at most {permits} per {window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s are allowed; retry after {Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s.",
            Info(
                ErrorReasons.RateLimited,
                ("permits", permits.ToString(CultureInfo.InvariantCulture)),
                ("window_seconds", window.TotalSeconds.ToString(CultureInfo.InvariantCulture))),
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) });

    /// <summary>RESOURCE_EXHAUSTED (TOO_MANY_WATCHES): one grpc.health.v1 Watch more than this peer, or the server, may hold.</summary>
    public static RpcException TooManyWatches(string scope, int limit) =>
        Build(
            StatusCode.ResourceExhausted,
            $"{scope} already holds {limit} grpc.health.v1 Watch streams, the most allowed; close one, or poll with Check instead.",
            Info(ErrorReasons.TooManyWatches, ("limit", limit.ToString(CultureInfo.InvariantCulture))));

    /// <summary>NOT_FOUND (REGION_NOT_FOUND) for a region id that is well formed but not in the catalogue.</summary>
    public static RpcException RegionNotFound(string regionId, string field) =>
        Build(
            StatusCode.NotFound,
            $"Region {regionId} ({field}) is not in the official region catalogue; look it up with SearchRegions, e.g. by name.",
            Info(ErrorReasons.RegionNotFound, ("region_id", regionId), ("field", field)));

    /// <summary>NOT_FOUND (PARTNERSHIP_NOT_FOUND).</summary>
    public static RpcException PartnershipNotFound(string partnershipId, string field = "partnership_id") =>
        Build(
            StatusCode.NotFound,
            $"Partnership {partnershipId} does not exist; check the id, or list partnerships with ListPartnerships.",
            Info(ErrorReasons.PartnershipNotFound, ("partnership_id", partnershipId), ("field", field)));

    /// <summary>NOT_FOUND (JOINT_PROGRAM_NOT_FOUND).</summary>
    public static RpcException JointProgramNotFound(string programId) =>
        Build(
            StatusCode.NotFound,
            $"Joint program {programId} does not exist; check the id, or list programs with ListJointPrograms.",
            Info(ErrorReasons.JointProgramNotFound, ("joint_program_id", programId), ("field", "joint_program_id")));

    /// <summary>The status of a command a grain refused.</summary>
    public static RpcException FromRejection(Rejection rejection, RejectionContext context)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        ArgumentNullException.ThrowIfNull(context);
        var field = rejection.Field is { } f ? context.FieldPath(f) : null;
        var reason = Sentence(rejection.Reason);
        return rejection.Kind switch
        {
            RejectionKind.InvalidArgument => InvalidArgument(field ?? "request", rejection.Reason),
            RejectionKind.AlreadyExists when rejection.Field == "request_id" => RequestIdReused(rejection.Reason),
            RejectionKind.NotFound => NotFound(rejection, context, field, reason),
            RejectionKind.AlreadyExists => Build(StatusCode.AlreadyExists, reason, About(context, ErrorReasons.AlreadyExists, ("field", field))),
            RejectionKind.Conflict => Build(
                StatusCode.Aborted,
                ConflictMessage(context),
                About(
                    context,
                    ErrorReasons.VersionMismatch,
                    ("expected_version", context.ExpectedVersion.ToString(CultureInfo.InvariantCulture)),
                    ("current_version", context.CurrentVersion?.ToString(CultureInfo.InvariantCulture)))),
            RejectionKind.PermissionDenied => Build(StatusCode.PermissionDenied, reason, About(context, ErrorReasons.OutOfScope)),
            RejectionKind.RoleNotAllowed => Build(StatusCode.PermissionDenied, reason, About(context, ErrorReasons.RoleNotAllowed)),
            RejectionKind.LimitExceeded => Build(StatusCode.ResourceExhausted, reason, About(context, ErrorReasons.LimitExceeded)),

            // FailedPrecondition, and any kind added to the domain later: the state forbids it.
            _ => Build(StatusCode.FailedPrecondition, reason, About(context, ErrorReasons.IllegalTransition)),
        };
    }

    /// <summary>INVALID_ARGUMENT (REQUEST_ID_REUSED): the request id already names another change.</summary>
    public static RpcException RequestIdReused(string description) =>
        Build(
            StatusCode.InvalidArgument,
            "The request_id was already used for a different request; generate a new request_id for each intended change and reuse it only to retry that same change.",
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "request_id", Description = description } } },
            Info(ErrorReasons.RequestIdReused, ("field", "request_id")));

    /// <summary>PERMISSION_DENIED (OUT_OF_SCOPE).</summary>
    public static RpcException OutOfScope(string message, string jurisdiction) =>
        Build(StatusCode.PermissionDenied, message, Info(ErrorReasons.OutOfScope, ("jurisdiction", jurisdiction)));

    /// <summary>PERMISSION_DENIED (OUT_OF_SCOPE) from the access policy's refusal.</summary>
    public static RpcException OutOfScope(Rejection rejection, string? jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return Build(StatusCode.PermissionDenied, Sentence(rejection.Reason), Info(ErrorReasons.OutOfScope, ("jurisdiction", jurisdiction)));
    }

    /// <summary>PERMISSION_DENIED (ROLE_NOT_ALLOWED): the caller's role may not call this rpc, or not with this content.</summary>
    public static RpcException RoleNotAllowed(string message, string role) =>
        Build(StatusCode.PermissionDenied, Sentence(message), Info(ErrorReasons.RoleNotAllowed, ("role", role)));

    /// <summary>UNAUTHENTICATED: no usable token. The message says what is wrong with it and never repeats it.</summary>
    public static RpcException Unauthenticated(string problem, string reason = ErrorReasons.Unauthenticated) =>
        Build(StatusCode.Unauthenticated, Sentence(problem), Info(reason));

    /// <summary>UNAUTHENTICATED (TOKEN_EXPIRED): a stream ends when the token it was opened with expires.</summary>
    public static RpcException StreamTokenExpired(DateTimeOffset expiredAt) =>
        Build(
            StatusCode.Unauthenticated,
            $"The token of this stream expired at {expiredAt.ToString("u", CultureInfo.InvariantCulture)}; reconnect with a fresh token and the cursor of the last event or heartbeat you processed.",
            Info(ErrorReasons.TokenExpired, ("expired_at", expiredAt.ToString("O", CultureInfo.InvariantCulture))));

    /// <summary>UNAVAILABLE (STREAM_LIFETIME): a stream ends after the server's maximum stream lifetime, to be resumed at once.</summary>
    public static RpcException StreamLifetimeReached(TimeSpan maxLifetime) =>
        Build(
            StatusCode.Unavailable,
            $"This stream was open for the server's maximum stream lifetime ({maxLifetime.ToString("c", CultureInfo.InvariantCulture)}); reconnect at once, to any server, with the cursor of the last event or heartbeat you processed.",
            Info(ErrorReasons.StreamLifetime, ("max_lifetime", maxLifetime.ToString("c", CultureInfo.InvariantCulture))));

    /// <summary>RESOURCE_EXHAUSTED (SERVER_STREAMS_EXHAUSTED): the server holds as many feeds as it may, from all callers.</summary>
    public static RpcException ServerStreamsExhausted(int limit) =>
        Build(
            StatusCode.ResourceExhausted,
            $"This server already serves {limit} WatchAgreements streams, the most it holds at once; retry later with backoff, or on another server.",
            Info(ErrorReasons.ServerStreamsExhausted, ("limit", limit.ToString(CultureInfo.InvariantCulture))));

    /// <summary>RESOURCE_EXHAUSTED (TOO_MANY_STREAMS) for one more feed than a caller may hold open.</summary>
    public static RpcException TooManyStreams(string actor, int limit) =>
        Build(
            StatusCode.ResourceExhausted,
            $"{actor} already has {limit} WatchAgreements streams open on this server, the most allowed; close one before opening another.",
            Info(ErrorReasons.TooManyStreams, ("limit", limit.ToString(CultureInfo.InvariantCulture))));

    /// <summary>UNAVAILABLE: the server cannot answer now; the client retries with backoff (mutations with the same request_id).</summary>
    public static RpcException Unavailable(string what) =>
        Build(
            StatusCode.Unavailable,
            $"The service is temporarily unavailable ({what}); retry with backoff, using the same request_id for a change.",
            Info(ErrorReasons.Unavailable));

    /// <summary>CANCELLED: the client cancelled the call.</summary>
    public static RpcException Cancelled() =>
        Build(StatusCode.Cancelled, "The call was cancelled by the client.", Info(ErrorReasons.Cancelled));

    /// <summary>DEADLINE_EXCEEDED: a change may or may not have been applied, so retry it with the same request_id.</summary>
    public static RpcException DeadlineExceeded() =>
        Build(
            StatusCode.DeadlineExceeded,
            "The call's deadline passed before the server answered; a change may or may not have been applied, so retry it with the same request_id.",
            Info(ErrorReasons.DeadlineExceeded));

    /// <summary>INTERNAL: a fault of the server, logged under <paramref name="correlationId"/>; no internal details leave the server.</summary>
    public static RpcException Internal(string correlationId) =>
        Build(
            StatusCode.Internal,
            $"The server failed to process the request; this is not a problem with the request. Report correlation id {correlationId} to the operator.",
            Info(ErrorReasons.Internal, ("correlation_id", correlationId)));

    private static RpcException NotFound(Rejection rejection, RejectionContext context, string? field, string reason)
    {
        return (rejection.Field, context.Resource) switch
        {
            (null, ResourceKind.Partnership) => PartnershipNotFound(context.Id),
            (null, ResourceKind.JointProgram) => JointProgramNotFound(context.Id),
            ("partnership_id", _) => PartnershipNotFound(context.PartnershipId ?? context.Id, field ?? "partnership_id"),
            (null or "region_id", _) => Build(
                StatusCode.NotFound,
                reason,
                Info(ErrorReasons.RegionNotFound, ("region_id", context.Id), ("field", field ?? "region_id"))),
            _ => Build(
                StatusCode.NotFound,
                reason,
                Info(ErrorReasons.NotFound, (IdKey(context.Resource), context.Id), ("field", field))),
        };
    }

    private static string ConflictMessage(RejectionContext context)
    {
        var what = context.Resource switch
        {
            ResourceKind.Region => $"The profile of region {context.Id}",
            ResourceKind.Partnership => $"Partnership {context.Id}",
            _ => $"Joint program {context.Id}",
        };
        var now = context.CurrentVersion is { } current ? $" (it is now at version {current})" : string.Empty;
        return context.ExpectedVersion != 0
            ? $"{what} is no longer at the expected_version {context.ExpectedVersion}{now}: someone else changed it. Nothing was changed; read it again, decide again and retry with a new request_id."
            : $"{what} was changed by another request at the same moment{now}. Nothing was changed; read it again and retry.";
    }

    /// <summary>An ErrorInfo naming the resource (and a programme's partnership) besides <paramref name="metadata"/>.</summary>
    private static ErrorInfo About(RejectionContext context, string reason, params (string Key, string? Value)[] metadata) =>
        Info(reason, [(IdKey(context.Resource), context.Id), ("partnership_id", context.Resource == ResourceKind.JointProgram ? context.PartnershipId : null), .. metadata]);

    private static string IdKey(ResourceKind resource) => resource switch
    {
        ResourceKind.Region => "region_id",
        ResourceKind.Partnership => "partnership_id",
        _ => "joint_program_id",
    };

    private static ErrorInfo Info(string reason, params (string Key, string? Value)[] metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorReasons.Domain };
        foreach (var (key, value) in metadata)
        {
            if (!string.IsNullOrEmpty(value))
            {
                info.Metadata[key] = value;
            }
        }

        return info;
    }

    private static RpcException Build(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }

    /// <summary>The domain's reasons are clauses ("cannot move from …"); a status message is a sentence.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "The request was refused.";
        }

        var sentence = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return sentence.EndsWith('.') ? sentence : sentence + ".";
    }
}
