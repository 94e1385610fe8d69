namespace CollabPlatform.Grains.Regions;

/// <summary>
/// What the region grain keeps in Orleans grain storage: its profile's events in the domain's JSON
/// shape (so the history survives any change of the storage serializer) and the requests applied.
/// </summary>
[GenerateSerializer, Alias("collab.RegionGrainState")]
public sealed class RegionGrainState
{
    /// <summary>Every profile event, oldest first, as JSON.</summary>
    [Id(0)]
    public List<string> Events { get; set; } = [];

    /// <summary>Every request applied, by actor and request id, with the version its change produced and its fingerprint.</summary>
    [Id(1)]
    public List<RegionRequestRecord> Requests { get; set; } = [];

    /// <summary>
    /// Audit records (JSON) of changes stored with this state but perhaps not yet copied to the
    /// audit log: written in the same storage write as the change they describe, so that no change
    /// is without its record, and copied to <c>collab_audit</c> right after (idempotently).
    /// </summary>
    [Id(2)]
    public List<string> PendingAudit { get; set; } = [];
}
