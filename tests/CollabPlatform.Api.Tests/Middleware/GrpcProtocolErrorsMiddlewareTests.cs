using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Middleware;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace CollabPlatform.Api.Tests.Middleware;

public sealed class GrpcProtocolErrorsMiddlewareTests
{
    private const int Limit = 4 * 1024 * 1024;

    [Theory]
    [InlineData("Incomplete message.")]
    [InlineData("Additional data after the message received.")]
    public void Rewrite_FrameErrorOfGrpcDotnet_IsInvalidArgumentWithBadRequest(string grpcMessage)
    {
        var headers = Headers(StatusCode.Internal, grpcMessage);

        Middleware().Rewrite(headers);

        var status = Status(headers);
        Assert.Equal("3", headers["grpc-status"]);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Equal("request", Assert.Single(Assert.Single(status.Details).Unpack<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public void Rewrite_MessageOverTheLimit_IsResourceExhaustedWithLimitExceeded()
    {
        var headers = Headers(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");

        Middleware().Rewrite(headers);

        var info = Assert.Single(Status(headers).Details).Unpack<ErrorInfo>();
        Assert.Equal("8", headers["grpc-status"]);
        Assert.Equal(ErrorReasons.LimitExceeded, info.Reason);
        Assert.Equal(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), info.Metadata["max_bytes"]);
    }

    [Theory]
    [InlineData(StatusCode.Internal, "Something else.")]
    [InlineData(StatusCode.Unimplemented, "Method is unimplemented.")]
    [InlineData(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size.")]
    public void Rewrite_OtherStatuses_AreLeftAlone(StatusCode code, string grpcMessage)
    {
        var headers = Headers(code, grpcMessage);

        Middleware().Rewrite(headers);

        Assert.Equal(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), headers["grpc-status"]);
        Assert.False(headers.ContainsKey("grpc-status-details-bin"));
    }

    [Fact]
    public void Rewrite_StatusThatHasDetails_IsLeftAlone()
    {
        var headers = Headers(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");
        headers["grpc-status-details-bin"] = "AAAA";

        Middleware().Rewrite(headers);

        Assert.Equal("AAAA", headers["grpc-status-details-bin"]);
    }

    private static GrpcProtocolErrorsMiddleware Middleware() => new(_ => Task.CompletedTask, Limit);

    private static HeaderDictionary Headers(StatusCode code, string message) => new()
    {
        ["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["grpc-message"] = message,
    };

    private static Google.Rpc.Status Status(HeaderDictionary headers) =>
        Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(headers["grpc-status-details-bin"]!));
}
