using CollabPlatform.Contracts.V1;
using CollabPlatform.Persistence.Audit;

namespace CollabPlatform.Api.Mapping;

/// <summary>Audit records to their proto shape.</summary>
internal static class AuditMapping
{
    public static AuditRecord ToProto(this StoredAuditRecord stored)
    {
        var entry = stored.Entry;
        var record = new AuditRecord
        {
            AuditId = stored.AuditId,
            RecordedAt = stored.RecordedAt.ToProto(),
            OccurredAt = entry.OccurredAt.ToProto(),
            Actor = entry.Actor,
            ActorRole = entry.ActorRole,
            ActorJurisdiction = entry.ActorJurisdiction ?? string.Empty,
            RequestId = entry.RequestId ?? string.Empty,
            Operation = entry.Operation,
            ResourceType = entry.ResourceType switch
            {
                AuditEntry.PartnershipResource => AuditResourceType.Partnership,
                AuditEntry.ProgramResource => AuditResourceType.JointProgram,
                AuditEntry.RegionProfileResource => AuditResourceType.RegionProfile,
                _ => AuditResourceType.Unspecified,
            },
            ResourceId = entry.ResourceId,
            PartnershipId = entry.PartnershipId ?? string.Empty,
            VersionBefore = entry.FromVersion,
            VersionAfter = entry.ToVersion,
            StageBefore = Stage(entry.FromStage),
            StageAfter = Stage(entry.ToStage),
            StatusBefore = Status(entry.FromStatus),
            StatusAfter = Status(entry.ToStatus),
        };
        record.EventTypes.AddRange(entry.EventTypes);
        return record;
    }

    private static Contracts.V1.PartnershipStage Stage(string? stage) =>
        Enum.TryParse<Domain.Partnerships.PartnershipStage>(stage, out var parsed) ? parsed.ToProto() : Contracts.V1.PartnershipStage.Unspecified;

    private static Contracts.V1.JointProgramStatus Status(string? status) =>
        Enum.TryParse<Domain.JointPrograms.JointProgramStatus>(status, out var parsed) ? parsed.ToProto() : Contracts.V1.JointProgramStatus.Unspecified;
}
