using CollabPlatform.ForeignClient.Tests.Infrastructure;
using Grpc.Core;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>
/// grpcurl, Postman and k6 ask grpc.reflection.v1 first and fall back to v1alpha: the Host answers
/// both, without a token, with the collab.v1 services.
/// </summary>
[Collection(ContractHostCollection.Name)]
public sealed class ServerReflectionTests(ContractHost host)
{
    private static readonly string[] CollabServices =
    [
        "collab.v1.AuditService", "collab.v1.FacilitationService", "collab.v1.JointProgramService",
        "collab.v1.PartnershipService", "collab.v1.RegionService",
    ];

    [Fact]
    public async Task V1_ListServices_NamesEveryCollabService()
    {
        var client = new V1.ServerReflection.ServerReflectionClient(host.Invoker);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));

        await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { ListServices = string.Empty });
        Assert.True(await call.ResponseStream.MoveNext(), "grpc.reflection.v1 answered nothing to list_services");
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { FileContainingSymbol = "collab.v1.JointProgramService" });
        Assert.True(await call.ResponseStream.MoveNext(), "grpc.reflection.v1 answered nothing to file_containing_symbol");
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto;
        await call.RequestStream.CompleteAsync();

        Assert.Superset(CollabServices.ToHashSet(), services.ToHashSet());
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
        var file = Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(files[0]);
        Assert.Equal("collab/v1/joint_program_service.proto", file.Name);
    }

    [Fact]
    public async Task V1Alpha_ListServices_StillNamesEveryCollabService()
    {
        var client = new V1Alpha.ServerReflection.ServerReflectionClient(host.Invoker);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));

        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { ListServices = string.Empty });
        Assert.True(await call.ResponseStream.MoveNext(), "grpc.reflection.v1alpha answered nothing to list_services");
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToHashSet();
        await call.RequestStream.CompleteAsync();

        Assert.Superset(CollabServices.ToHashSet(), services);
    }
}
