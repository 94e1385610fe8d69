using CollabPlatform.ForeignClient.Tests.Infrastructure;
using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>
/// Each documented error of each rpc (<see cref="ContractCases"/>), over gRPC and over JSON: the
/// status and reason the proto comment lists, a BadRequest with every plain INVALID_ARGUMENT, and
/// never UNKNOWN. Without a token every rpc is UNAUTHENTICATED.
/// </summary>
[Collection(ContractHostCollection.Name)]
public sealed class ErrorContractTests(ContractHost host)
{
    public static TheoryData<ContractCase, Transport> Cases()
    {
        var data = new TheoryData<ContractCase, Transport>();
        foreach (var c in ContractCases.All)
        {
            data.Add(c, Transport.Grpc);
            data.Add(c, Transport.Json);
        }

        return data;
    }

    public static TheoryData<string, Transport> Rpcs()
    {
        var data = new TheoryData<string, Transport>();
        foreach (var method in ProtoMethods.All)
        {
            data.Add(method.Service.Name + "." + method.Name, Transport.Grpc);
            data.Add(method.Service.Name + "." + method.Name, Transport.Json);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DocumentedError_IsAnswered(ContractCase contractCase, Transport transport)
    {
        ArgumentNullException.ThrowIfNull(contractCase);
        var world = await ContractWorld.GetAsync(host);
        var requestId = $"contract-{transport}-{Guid.NewGuid():N}";
        if (contractCase.Before is var (beforeRpc, beforeRequest))
        {
            var first = await DynamicRpc.CallAsync(host, transport, ProtoMethods.Find(beforeRpc), world.Fill(beforeRequest, requestId), contractCase.Caller);
            Assert.True(first.Code == StatusCode.OK, $"the first use of the request id ({beforeRpc}) failed: {first}");
        }

        var outcome = await DynamicRpc.CallAsync(host, transport, ProtoMethods.Find(contractCase.Rpc), world.Fill(contractCase.Request, requestId), contractCase.Caller);

        Assert.True(outcome.Code == contractCase.Code, $"{transport}: expected {contractCase.Code}, got {outcome}");
        if (contractCase.Reason is not null)
        {
            Assert.True(outcome.Reason == contractCase.Reason, $"{transport}: expected reason {contractCase.Reason}, got {outcome}");
        }

        if (contractCase.Code == StatusCode.InvalidArgument && contractCase.Reason is null)
        {
            Assert.True(outcome.HasBadRequest, $"{transport}: INVALID_ARGUMENT without google.rpc.BadRequest: {outcome}");
        }

        Assert.False(string.IsNullOrWhiteSpace(outcome.Message), $"{transport}: the status has no message for people");
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task WithoutAToken_EveryRpcIsUnauthenticated(string rpc, Transport transport)
    {
        var method = ProtoMethods.Find(rpc);

        var outcome = await DynamicRpc.CallAsync(host, transport, method, ProtoMethods.PathOnlyRequest(method), token: null);

        Assert.True(outcome.Code == StatusCode.Unauthenticated, $"{transport}: expected UNAUTHENTICATED, got {outcome}");
        Assert.Equal("UNAUTHENTICATED", outcome.Reason);
    }
}
