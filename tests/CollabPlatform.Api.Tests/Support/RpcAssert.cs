using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Api.Tests.Support;

/// <summary>Reads the status and the google.rpc details of an RpcException.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> ThrowsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == ex.StatusCode, $"expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    public static RpcException Throws(StatusCode code, Action call)
    {
        var ex = Assert.Throws<RpcException>(call);
        Assert.True(code == ex.StatusCode, $"expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    public static ErrorInfo Info(RpcException ex) =>
        ex.GetRpcStatus()?.GetDetail<ErrorInfo>() ?? throw new Xunit.Sdk.XunitException($"no ErrorInfo in {ex.Status}");

    public static IReadOnlyList<string> ViolatedFields(RpcException ex) =>
        [.. (ex.GetRpcStatus()?.GetDetail<BadRequest>() ?? throw new Xunit.Sdk.XunitException($"no BadRequest in {ex.Status}")).FieldViolations.Select(v => v.Field)];
}
