using System.Collections.Frozen;
using V1 = CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Mapping;

/// <summary>
/// The stored event discriminators (the <c>[JsonDerivedType]</c> names of the domain's events, as
/// history entries and ledger rows carry them) and the contract's event types.
/// </summary>
internal static class EventTypeMapping
{
    private static readonly FrozenDictionary<string, V1.PartnershipEventType> Types = new Dictionary<string, V1.PartnershipEventType>(StringComparer.Ordinal)
    {
        ["partnership.proposed"] = V1.PartnershipEventType.Proposed,
        ["partnership.meeting_recorded"] = V1.PartnershipEventType.MeetingRecorded,
        ["partnership.document_attached"] = V1.PartnershipEventType.DocumentAttached,
        ["partnership.stage_advanced"] = V1.PartnershipEventType.StageAdvanced,
        ["partnership.renewed"] = V1.PartnershipEventType.Renewed,
        ["partnership.terminated"] = V1.PartnershipEventType.Terminated,
        ["partnership.expired"] = V1.PartnershipEventType.Expired,
        ["partnership.facilitator_added"] = V1.PartnershipEventType.FacilitatorAdded,
        ["partnership.priority_sectors_changed"] = V1.PartnershipEventType.PrioritySectorsChanged,
        ["program.created"] = V1.PartnershipEventType.JointProgramCreated,
        ["program.progress_updated"] = V1.PartnershipEventType.JointProgramProgressUpdated,
        ["program.status_changed"] = V1.PartnershipEventType.JointProgramStatusChanged,
        ["program.report_submitted"] = V1.PartnershipEventType.JointProgramReportSubmitted,
        ["program.evaluation_recorded"] = V1.PartnershipEventType.JointProgramEvaluationRecorded,
        ["program.report_overdue"] = V1.PartnershipEventType.JointProgramReportOverdue,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The contract's type of a stored event; an event type added later reads as UNSPECIFIED ("some other change").</summary>
    public static V1.PartnershipEventType ToProto(string storedType) =>
        Types.TryGetValue(storedType, out var type) ? type : V1.PartnershipEventType.Unspecified;

    /// <summary>Every stored type this API knows, for the tests.</summary>
    public static IEnumerable<string> Known => Types.Keys;
}
