using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Domain.Common;
using Grpc.Core;

namespace CollabPlatform.Api.Tests.Errors;

public sealed class RpcErrorsTests
{
    private static readonly RejectionContext Partnership = new(ResourceKind.Partnership, "P-1", f => f, ExpectedVersion: 3) { CurrentVersion = 5 };

    public static TheoryData<RejectionKind, StatusCode, string> Mapping => new()
    {
        { RejectionKind.NotFound, StatusCode.NotFound, ErrorReasons.PartnershipNotFound },
        { RejectionKind.AlreadyExists, StatusCode.AlreadyExists, ErrorReasons.AlreadyExists },
        { RejectionKind.FailedPrecondition, StatusCode.FailedPrecondition, ErrorReasons.IllegalTransition },
        { RejectionKind.Conflict, StatusCode.Aborted, ErrorReasons.VersionMismatch },
        { RejectionKind.PermissionDenied, StatusCode.PermissionDenied, ErrorReasons.OutOfScope },
        { RejectionKind.LimitExceeded, StatusCode.ResourceExhausted, ErrorReasons.LimitExceeded },
    };

    [Theory]
    [MemberData(nameof(Mapping))]
    public void FromRejection_EachKind_HasItsStatusAndAStableReason(RejectionKind kind, StatusCode code, string reason)
    {
        var ex = RpcErrors.FromRejection(new Rejection(kind, "something is wrong"), Partnership);

        Assert.Equal(code, ex.StatusCode);
        var info = RpcAssert.Info(ex);
        Assert.Equal(reason, info.Reason);
        Assert.Equal("collab.v1", info.Domain);
        Assert.Equal("P-1", info.Metadata["partnership_id"]);
    }

    [Fact]
    public void FromRejection_EveryKind_IsMappedAndNeverUnknownOrInternal()
    {
        foreach (var kind in Enum.GetValues<RejectionKind>())
        {
            var ex = RpcErrors.FromRejection(new Rejection(kind, "reason", "title"), Partnership);

            Assert.NotEqual(StatusCode.Unknown, ex.StatusCode);
            Assert.NotEqual(StatusCode.Internal, ex.StatusCode);
            Assert.NotEqual(StatusCode.OK, ex.StatusCode);
        }
    }

    [Fact]
    public void FromRejection_InvalidArgument_IsABadRequestOnTheRequestField()
    {
        var context = new RejectionContext(ResourceKind.Partnership, "P-1", FieldPaths.Document);

        var ex = RpcErrors.FromRejection(Rejection.Invalid("validity.expires", "the window ends before it starts"), context);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["document.validity.expiry_date"], RpcAssert.ViolatedFields(ex));
        Assert.Contains("the window ends before it starts", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRejection_ReusedRequestId_IsInvalidArgumentRequestIdReused()
    {
        var ex = RpcErrors.FromRejection(new Rejection(RejectionKind.AlreadyExists, "request_id 'r1' was already used for a different request", "request_id"), Partnership);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(ErrorReasons.RequestIdReused, RpcAssert.Info(ex).Reason);
        Assert.Equal(["request_id"], RpcAssert.ViolatedFields(ex));
    }

    [Fact]
    public void FromRejection_Conflict_CarriesExpectedAndCurrentVersion()
    {
        var ex = RpcErrors.FromRejection(new Rejection(RejectionKind.Conflict, "moved on", "expected_version"), Partnership);

        var info = RpcAssert.Info(ex);
        Assert.Equal("3", info.Metadata["expected_version"]);
        Assert.Equal("5", info.Metadata["current_version"]);
        Assert.Contains("Partnership P-1 is no longer at the expected_version 3 (it is now at version 5)", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRejection_IllegalTransition_StatesTheRuleAsASentence()
    {
        var ex = RpcErrors.FromRejection(Rejection.Precondition("moving to Signed needs the signed agreement (Agreement); none is attached to partnership P-1"), Partnership);

        Assert.Equal("Moving to Signed needs the signed agreement (Agreement); none is attached to partnership P-1.", ex.Status.Detail);
    }

    [Theory]
    [InlineData(null, ResourceKind.JointProgram, ErrorReasons.JointProgramNotFound)]
    [InlineData("partnership_id", ResourceKind.JointProgram, ErrorReasons.PartnershipNotFound)]
    [InlineData("region_id", ResourceKind.Region, ErrorReasons.RegionNotFound)]
    [InlineData(null, ResourceKind.Region, ErrorReasons.RegionNotFound)]
    [InlineData("milestone_completions[0].milestone_id", ResourceKind.JointProgram, ErrorReasons.NotFound)]
    [InlineData("supersedes_document_id", ResourceKind.Partnership, ErrorReasons.NotFound)]
    public void FromRejection_NotFound_NamesWhatIsMissing(string? field, ResourceKind resource, string reason)
    {
        var context = new RejectionContext(resource, "X-1", f => "mapped." + f) { PartnershipId = "P-9" };

        var ex = RpcErrors.FromRejection(Rejection.NotFound("nothing there", field), context);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(reason, RpcAssert.Info(ex).Reason);
        if (field is not null && reason == ErrorReasons.NotFound)
        {
            Assert.Equal("mapped." + field, RpcAssert.Info(ex).Metadata["field"]);
        }
    }

    [Fact]
    public void FromRejection_ForAProgram_NamesItsPartnershipToo()
    {
        var context = new RejectionContext(ResourceKind.JointProgram, "JP-1", f => f) { PartnershipId = "P-9" };

        var info = RpcAssert.Info(RpcErrors.FromRejection(Rejection.Precondition("partnership P-9 is Terminated"), context));

        Assert.Equal("JP-1", info.Metadata["joint_program_id"]);
        Assert.Equal("P-9", info.Metadata["partnership_id"]);
    }

    [Fact]
    public void InvalidArgument_ManyViolations_ListsTheFirstFiveAndKeepsAllInTheDetail()
    {
        var violations = Enumerable.Range(0, 7).Select(i => new Google.Rpc.BadRequest.Types.FieldViolation { Field = $"f{i}", Description = "bad" }).ToList();

        var ex = RpcErrors.InvalidArgument(violations);

        Assert.Equal(7, RpcAssert.ViolatedFields(ex).Count);
        Assert.Contains("7 invalid fields", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("and 2 more", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("f5", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_CarriesTheCorrelationIdAndNoDetails()
    {
        var ex = RpcErrors.Internal("abc123");

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Equal("abc123", RpcAssert.Info(ex).Metadata["correlation_id"]);
        Assert.Contains("abc123", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionNotFound_NamesRegionAndField()
    {
        var info = RpcAssert.Info(RpcErrors.RegionNotFound("ID-99", "local_region_id"));

        Assert.Equal(ErrorReasons.RegionNotFound, info.Reason);
        Assert.Equal("ID-99", info.Metadata["region_id"]);
        Assert.Equal("local_region_id", info.Metadata["field"]);
    }
}
