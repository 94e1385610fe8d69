using System.Buffers.Binary;
using System.Net;

namespace CollabPlatform.Security.Tests.Amplification;

/// <summary>
/// A gRPC request body that sends a 5-byte frame header declaring <paramref name="declaredLength"/>
/// bytes, then only <paramref name="sent"/> of them, and then stalls until the test releases it.
/// </summary>
public sealed class StallingFrameContent(uint declaredLength, int sent, Task release) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var frame = new byte[5 + sent];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength);
        await stream.WriteAsync(frame);
        await stream.FlushAsync();
        await release;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
