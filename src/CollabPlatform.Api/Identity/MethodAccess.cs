using System.Collections.Frozen;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Which roles may call which rpc at all (README "Roles"); where in their jurisdiction, and on which
/// resource, the services and grains decide. An rpc missing from the table is refused to every role,
/// so a new rpc is closed until it is listed here.
/// </summary>
public static class MethodAccess
{
    private static readonly Role[] Everyone = [Role.RegionOfficial, Role.Facilitator, Role.Ministry, Role.Auditor, Role.Admin];
    private static readonly Role[] Readers = [Role.RegionOfficial, Role.Facilitator, Role.Ministry, Role.Admin];
    private static readonly Role[] Officials = [Role.RegionOfficial, Role.Admin];
    private static readonly Role[] OfficialsAndMinistry = [Role.RegionOfficial, Role.Ministry, Role.Admin];
    private static readonly Role[] Auditors = [Role.Auditor, Role.Admin];

    /// <summary>Services that answer without a token: health probes and server reflection.</summary>
    private static readonly string[] PublicServices = ["grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection"];

    /// <summary>The roles of each collab.v1 rpc, by its full method name (<c>/collab.v1.RegionService/GetRegion</c>).</summary>
    public static FrozenDictionary<string, IReadOnlyList<Role>> Table { get; } = new Dictionary<string, IReadOnlyList<Role>>(StringComparer.Ordinal)
    {
        [Name(RegionService.Descriptor.FullName, "GetRegion")] = Everyone,
        [Name(RegionService.Descriptor.FullName, "SearchRegions")] = Everyone,
        [Name(RegionService.Descriptor.FullName, "ListChildRegions")] = Everyone,
        [Name(RegionService.Descriptor.FullName, "UpdateRegionProfile")] = Officials,
        [Name(RegionService.Descriptor.FullName, "RecordHeadChange")] = Officials,

        [Name(PartnershipService.Descriptor.FullName, "ProposePartnership")] = Officials,
        [Name(PartnershipService.Descriptor.FullName, "GetPartnership")] = Readers,
        [Name(PartnershipService.Descriptor.FullName, "ListPartnerships")] = Readers,
        [Name(PartnershipService.Descriptor.FullName, "RecordMeeting")] = Officials,
        [Name(PartnershipService.Descriptor.FullName, "AttachDocument")] = OfficialsAndMinistry,
        [Name(PartnershipService.Descriptor.FullName, "AdvanceStage")] = OfficialsAndMinistry,
        [Name(PartnershipService.Descriptor.FullName, "RenewPartnership")] = Officials,
        [Name(PartnershipService.Descriptor.FullName, "TerminatePartnership")] = Officials,
        [Name(PartnershipService.Descriptor.FullName, "UpdatePrioritySectors")] = Officials,
        [Name(PartnershipService.Descriptor.FullName, "AddFacilitator")] = Officials,

        [Name(JointProgramService.Descriptor.FullName, "CreateJointProgram")] = Officials,
        [Name(JointProgramService.Descriptor.FullName, "GetJointProgram")] = Readers,
        [Name(JointProgramService.Descriptor.FullName, "ListJointPrograms")] = Readers,
        [Name(JointProgramService.Descriptor.FullName, "UpdateProgress")] = Officials,
        [Name(JointProgramService.Descriptor.FullName, "SubmitReport")] = Officials,
        [Name(JointProgramService.Descriptor.FullName, "RecordEvaluation")] = Officials,

        [Name(FacilitationService.Descriptor.FullName, "WatchAgreements")] = Readers,
        [Name(FacilitationService.Descriptor.FullName, "GetDashboardSummary")] = Readers,
        [Name(FacilitationService.Descriptor.FullName, "ListOverdue")] = Readers,

        [Name(AuditService.Descriptor.FullName, "ListAuditRecords")] = Auditors,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True for the rpcs anyone may call without a token.</summary>
    public static bool IsPublic(string method) =>
        PublicServices.Any(service => method.StartsWith("/" + service + "/", StringComparison.Ordinal));

    /// <summary>True when <paramref name="role"/> may call <paramref name="method"/>.</summary>
    public static bool Allows(string method, Role role) =>
        Table.TryGetValue(method, out var roles) && roles.Contains(role);

    /// <summary>The roles that may call <paramref name="method"/>, for messages.</summary>
    public static IReadOnlyList<Role> RolesOf(string method) => Table.TryGetValue(method, out var roles) ? roles : [];

    private static string Name(string service, string method) => $"/{service}/{method}";
}
