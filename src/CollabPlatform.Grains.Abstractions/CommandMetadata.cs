using CollabPlatform.Domain.Access;

namespace CollabPlatform.Grains.Abstractions;

/// <summary>Who asks for a change, and how to recognise a retry of it.</summary>
/// <param name="Actor">The authenticated caller, recorded with every event.</param>
/// <param name="RequestId">The client's idempotency key; a retry with the same key returns the first result.</param>
/// <param name="ExpectedVersion">Optimistic concurrency: 0 accepts any version, otherwise the change is refused when the aggregate moved on.</param>
/// <param name="RequestHash">Fingerprint of the request, so that a reused key with different content is refused.</param>
/// <param name="Principal">
/// The authenticated caller's role and jurisdiction, which the grain checks against the state it
/// decides on, so that authorization and change are one atomic step. A command without one is refused.
/// </param>
[GenerateSerializer, Immutable, Alias("collab.CommandMetadata")]
public sealed record CommandMetadata(
    [property: Id(0)] string Actor,
    [property: Id(1)] string? RequestId = null,
    [property: Id(2)] long ExpectedVersion = 0,
    [property: Id(3)] string? RequestHash = null,
    [property: Id(4)] Principal? Principal = null);
