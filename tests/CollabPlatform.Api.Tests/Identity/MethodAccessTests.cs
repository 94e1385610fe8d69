using CollabPlatform.Api.Identity;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Api.Tests.Identity;

public sealed class MethodAccessTests
{
    [Fact]
    public void Table_ListsEveryRpcOfEveryCollabService_AndNothingElse()
    {
        var rpcs = new[] { RegionService.Descriptor, PartnershipService.Descriptor, JointProgramService.Descriptor, FacilitationService.Descriptor, AuditService.Descriptor }
            .SelectMany(s => s.Methods.Select(m => $"/{s.FullName}/{m.Name}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(rpcs, MethodAccess.Table.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/grpc.health.v1.Health/Check", true)]
    [InlineData("/grpc.health.v1.Health/Watch", true)]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", true)]
    [InlineData("/collab.v1.RegionService/GetRegion", false)]
    [InlineData("/grpc.health.v1.HealthX/Check", false)]
    public void IsPublic_OnlyHealthAndReflection(string method, bool expected) =>
        Assert.Equal(expected, MethodAccess.IsPublic(method));

    [Fact]
    public void Allows_AnUnlistedRpc_ToNobody() =>
        Assert.DoesNotContain(Enum.GetValues<Role>(), role => MethodAccess.Allows("/collab.v1.PartnershipService/DeleteEverything", role));

    [Fact]
    public void Allows_MutationsOnlyToOfficialsMinistryAndAdmin_AndTheAuditLogOnlyToAuditorsAndAdmin()
    {
        var mutators = MethodAccess.Table.Where(e => !e.Key.Split('/')[2].StartsWith("Get", StringComparison.Ordinal)
                && !e.Key.Split('/')[2].StartsWith("List", StringComparison.Ordinal)
                && !e.Key.Split('/')[2].StartsWith("Search", StringComparison.Ordinal)
                && !e.Key.Split('/')[2].StartsWith("Watch", StringComparison.Ordinal))
            .SelectMany(e => e.Value)
            .Distinct()
            .Order();

        Assert.Equal([Role.RegionOfficial, Role.Ministry, Role.Admin], mutators);
        Assert.Equal([Role.Auditor, Role.Admin], MethodAccess.Table["/collab.v1.AuditService/ListAuditRecords"]);
    }
}
