using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Tests.Support;
using Grpc.Core;

namespace CollabPlatform.Api.Tests.Identity;

public sealed class DevelopmentCallerAccessorTests
{
    private readonly DevelopmentCallerAccessor _callers = new();

    [Fact]
    public void GetCaller_WithoutHeader_IsAnonymous()
    {
        Assert.Equal("anonymous", _callers.GetCaller(new TestServerCallContext()).Actor);
    }

    [Fact]
    public void GetCaller_WithHeader_IsTheNamedActor()
    {
        Assert.Equal("official:ID-33.10", _callers.GetCaller(TestServerCallContext.WithActor("official:ID-33.10")).Actor);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("tab\there")]
    public void GetCaller_WithABadHeader_IsInvalidArgument(string actor)
    {
        var ex = RpcAssert.Throws(StatusCode.InvalidArgument, () => _callers.GetCaller(TestServerCallContext.WithActor(actor)));

        Assert.Equal(["x-collab-actor"], RpcAssert.ViolatedFields(ex));
    }

    [Fact]
    public void GetCaller_WithATooLongHeader_IsInvalidArgument()
    {
        RpcAssert.Throws(StatusCode.InvalidArgument, () => _callers.GetCaller(TestServerCallContext.WithActor(new string('a', 101))));
    }
}
