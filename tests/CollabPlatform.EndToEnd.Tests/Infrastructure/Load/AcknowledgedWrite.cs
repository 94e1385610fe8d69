namespace CollabPlatform.EndToEnd.Tests.Infrastructure.Load;

/// <summary>A write whose answer came back OK: the system promised to keep it.</summary>
/// <param name="RequestId">Its request_id.</param>
/// <param name="Kind">What it was.</param>
/// <param name="PartnershipId">The partnership it created or changed.</param>
/// <param name="MeetingId">The meeting it recorded, for a meeting.</param>
/// <param name="Version">The partnership's version the answer reported, the version of this change.</param>
/// <param name="AcknowledgedAt">When the answer came, on the load's clock.</param>
/// <param name="Attempts">How many attempts it took.</param>
internal sealed record AcknowledgedWrite(
    string RequestId,
    WriteKind Kind,
    string PartnershipId,
    string? MeetingId,
    long Version,
    TimeSpan AcknowledgedAt,
    int Attempts);
