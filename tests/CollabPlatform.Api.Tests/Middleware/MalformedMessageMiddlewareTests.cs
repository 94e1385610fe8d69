using System.IO.Compression;
using CollabPlatform.Api.Middleware;
using CollabPlatform.Contracts.V1;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CollabPlatform.Api.Tests.Middleware;

public sealed class MalformedMessageMiddlewareTests
{
    private const string GetPartnership = "/collab.v1.PartnershipService/GetPartnership";

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "garbage", Frame([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]) },
        { "invalid UTF-8", Frame([0x0a, 0x02, 0xc3, 0x28]) },
        { "truncated field", Frame([0x0a, 0x10, 0x41]) },
        { "truncated frame", [0, 0, 0, 0, 9, 0x0a] },
        { "no message", [] },
        { "half a header", [0, 0] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Invoke_MessageThatDoesNotParse_IsInvalidArgumentAndGoesNoFurther(string what, byte[] body)
    {
        var (context, reached) = await RunAsync(GetPartnership, body);

        Assert.False(reached, what);
        Assert.Equal("3", context.Response.Headers["grpc-status"]);
        Assert.Equal("application/grpc", context.Response.ContentType);
        Assert.StartsWith("The request is invalid: request: ", Uri.UnescapeDataString(context.Response.Headers["grpc-message"]!), StringComparison.Ordinal);
        Assert.NotEmpty(context.Response.Headers["grpc-status-details-bin"].ToString());
    }

    [Fact]
    public async Task Invoke_ValidMessage_PassesWithTheBodyRewound()
    {
        var body = Frame(new GetPartnershipRequest { PartnershipId = "P-1" }.ToByteArray());

        var (context, reached) = await RunAsync(GetPartnership, body);

        Assert.True(reached);
        using var copy = new MemoryStream();
        await context.Request.Body.CopyToAsync(copy);
        Assert.Equal(body, copy.ToArray());
    }

    [Fact]
    public async Task Invoke_GzipMessage_IsCheckedAfterDecompression()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write([0xff, 0xff, 0xff, 0xff, 0x0f]);
        }

        var (context, reached) = await RunAsync(GetPartnership, Frame(compressed.ToArray(), compressed: true), encoding: "gzip");

        Assert.False(reached);
        Assert.Equal("3", context.Response.Headers["grpc-status"]);
    }

    [Theory]
    [InlineData("/grpc.health.v1.Health/Check")]
    [InlineData("/v1/partnerships")]
    public async Task Invoke_OtherRequests_PassUntouched(string path)
    {
        var (_, reached) = await RunAsync(path, Frame([0xff]));

        Assert.True(reached);
    }

    private static byte[] Frame(byte[] message, bool compressed = false)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    private static async Task<(HttpContext Context, bool Reached)> RunAsync(string path, byte[] body, string? encoding = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = path;
        context.Request.ContentType = "application/grpc";
        context.Request.Body = new MemoryStream(body);
        if (encoding is not null)
        {
            context.Request.Headers["grpc-encoding"] = encoding;
        }

        var reached = false;
        var middleware = new MalformedMessageMiddleware(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        }, 4 * 1024 * 1024);
        await middleware.InvokeAsync(context);
        return (context, reached);
    }
}
