using CollabPlatform.Persistence.Audit;

namespace CollabPlatform.Persistence.Ledger;

/// <summary>
/// One accepted change: its events, and the read-model row they produce, committed together or not
/// at all.
/// </summary>
public sealed record LedgerAppend
{
    /// <summary>The aggregate's stream, e.g. <c>partnership:P-…</c>.</summary>
    public required string StreamId { get; init; }

    /// <summary>The stream version the change was decided on; the first event gets this plus one.</summary>
    public required long ExpectedVersion { get; init; }

    public required IReadOnlyList<NewLedgerEvent> Events { get; init; }

    /// <summary>The partnership the change belongs to, for feeds.</summary>
    public string? PartnershipId { get; init; }

    /// <summary>Who may see these events (parties, regions above them, ministries, facilitators).</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    /// <summary>The client's idempotency key, recorded once per stream on the change's last event.</summary>
    public string? RequestId { get; init; }

    /// <summary>A fingerprint of the request, so that a reused key with other content is refused.</summary>
    public string? RequestHash { get; init; }

    public PartnershipRow? Partnership { get; init; }

    public ProgramRow? Program { get; init; }

    /// <summary>The change's audit record, committed in the same transaction as its events.</summary>
    public AuditEntry? Audit { get; init; }
}
