namespace CollabPlatform.Api.Errors;

/// <summary>What <see cref="RpcErrors.FromRejection"/> needs to know about the call a grain refused.</summary>
/// <param name="Resource">The aggregate addressed: <see cref="ResourceKind"/>.</param>
/// <param name="Id">Its id, e.g. <c>P-…</c>, <c>JP-…</c> or a region id.</param>
/// <param name="FieldPath">Turns a field of the domain command into the path of the request field, in proto names.</param>
/// <param name="ExpectedVersion">The <c>expected_version</c> of the request (0 when unset).</param>
public sealed record RejectionContext(ResourceKind Resource, string Id, Func<string, string> FieldPath, long ExpectedVersion = 0)
{
    /// <summary>The resource's version when the rejection is a version conflict, if known.</summary>
    public long? CurrentVersion { get; init; }

    /// <summary>The partnership a programme was to be created under, for PARTNERSHIP_NOT_FOUND.</summary>
    public string? PartnershipId { get; init; }
}
