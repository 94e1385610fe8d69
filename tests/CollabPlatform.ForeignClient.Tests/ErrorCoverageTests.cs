using CollabPlatform.ForeignClient.Tests.Infrastructure;
using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>
/// Keeps the suite complete: every error a proto comment lists for an rpc has a case (or is one of
/// the few named here with the reason it is not), and no case asserts an error the protos do not list.
/// An rpc or error added to the protos without a case fails here.
/// </summary>
public sealed class ErrorCoverageTests
{
    /// <summary>Documented errors proved by a dedicated test instead of a table case.</summary>
    private static readonly Dictionary<DocumentedError, string> Dedicated = new()
    {
        [new("FacilitationService.WatchAgreements", "RESOURCE_EXHAUSTED", "TOO_MANY_STREAMS")] = nameof(StreamLimitTests.WatchAgreements_OneStreamTooMany_IsResourceExhausted),
    };

    /// <summary>Listed by a service-wide sentence that cannot apply to the rpc, or not testable against a shared Host.</summary>
    private static readonly Dictionary<DocumentedError, string> NotApplicable = new()
    {
        [new("PartnershipService.ProposePartnership", "NOT_FOUND", "PARTNERSHIP_NOT_FOUND")] = "its request names no partnership",
        [new("PartnershipService.ListPartnerships", "NOT_FOUND", "PARTNERSHIP_NOT_FOUND")] = "its request names no partnership",
        [new("PartnershipService.ProposePartnership", "FAILED_PRECONDITION", null)] = "a new partnership is not TERMINATED",
        [new("PartnershipService.ProposePartnership", "ABORTED", "VERSION_MISMATCH")] = "its request has no expected_version",
        [new("JointProgramService.CreateJointProgram", "NOT_FOUND", "JOINT_PROGRAM_NOT_FOUND")] = "its request names no program",
        [new("JointProgramService.ListJointPrograms", "NOT_FOUND", "JOINT_PROGRAM_NOT_FOUND")] = "its request names no program",
        [new("JointProgramService.CreateJointProgram", "ABORTED", "VERSION_MISMATCH")] = "its request has no expected_version",
        [new("FacilitationService.WatchAgreements", "UNAVAILABLE", null)] = "needs the Host to shut down under an open stream; this assembly shares one Host",
        [new("FacilitationService.WatchAgreements", "UNAVAILABLE", "STREAM_LIFETIME")] = "needs a Host with a short Collab:Api:MaxStreamLifetime; Security.Tests' StreamEndTests starts one",
    };

    [Fact]
    public void ProtoComments_ListErrorsOfEveryRpc()
    {
        var documented = ProtoComments.Errors();

        Assert.Equal(ProtoMethods.All.Select(Name).Order(), documented.Select(e => e.Rpc).Distinct().Order());
        Assert.All(ProtoMethods.All, m => Assert.Contains(new DocumentedError(Name(m), "UNAUTHENTICATED", null), documented));
        Assert.Contains(new DocumentedError("JointProgramService.UpdateProgress", "ABORTED", "VERSION_MISMATCH"), documented);
        Assert.Contains(new DocumentedError("RegionService.UpdateRegionProfile", "INVALID_ARGUMENT", "REQUEST_ID_REUSED"), documented);
        Assert.DoesNotContain(new DocumentedError("RegionService.GetRegion", "INVALID_ARGUMENT", "REQUEST_ID_REUSED"), documented);
    }

    [Fact]
    public void EveryDocumentedError_HasACase()
    {
        var missing = ProtoComments.Errors()
            .Where(e => e.Code != "UNAUTHENTICATED") // ErrorContractTests.WithoutAToken_EveryRpcIsUnauthenticated, for every rpc
            .Where(e => !Dedicated.ContainsKey(e) && !NotApplicable.ContainsKey(e))
            .Where(e => !ContractCases.All.Any(c => c.Rpc == e.Rpc && CodeName(c.Code) == e.Code && (e.Reason is null || c.Reason == e.Reason)))
            .ToList();

        Assert.True(missing.Count == 0, "documented errors without a case in ContractCases:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryCase_IsADocumentedError()
    {
        var documented = ProtoComments.Errors();

        var undocumented = ContractCases.All
            .Where(c => !documented.Any(e => e.Rpc == c.Rpc && e.Code == CodeName(c.Code) && (e.Reason is null || e.Reason == c.Reason)))
            .ToList();

        Assert.True(undocumented.Count == 0, "cases of errors no proto comment lists:\n" + string.Join('\n', undocumented));
        Assert.All(NotApplicable.Keys.Concat(Dedicated.Keys), e => Assert.Contains(e, documented));
    }

    private static string Name(Google.Protobuf.Reflection.MethodDescriptor m) => m.Service.Name + "." + m.Name;

    /// <summary>The proto spelling of a status, e.g. <c>INVALID_ARGUMENT</c>.</summary>
    private static string CodeName(StatusCode code) =>
        string.Concat(code.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();
}
