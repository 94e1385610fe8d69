using System.IO.Compression;
using CollabPlatform.Api.Middleware;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Api.Tests.Middleware;

public sealed class BoundedDecompressionProviderTests
{
    private const int Limit = 64 * 1024;

    [Fact]
    public void Decompress_WithinTheLimit_GivesTheMessage()
    {
        var message = Enumerable.Range(0, Limit).Select(i => (byte)i).ToArray();

        var inflated = Inflate(Gzip(message));

        Assert.Equal(message, inflated);
    }

    [Fact]
    public void Decompress_BombBeyondTheLimit_IsResourceExhaustedBeforeItIsAllInflated()
    {
        var bomb = Gzip(new byte[64 * Limit]);

        var error = Assert.Throws<RpcException>(() => Inflate(bomb));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("LIMIT_EXCEEDED", Assert.Single(error.GetRpcStatus()!.Details).Unpack<ErrorInfo>().Reason);
    }

    [Fact]
    public void Decompress_NotGzip_IsInvalidArgument()
    {
        var error = Assert.Throws<RpcException>(() => Inflate([0x1f, 0x8b, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02, 0x03]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private static byte[] Inflate(byte[] compressed)
    {
        var provider = BoundedDecompressionProvider.Defaults(Limit).Single(p => p.EncodingName == "gzip");
        using var input = provider.CreateDecompressionStream(new MemoryStream(compressed));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
