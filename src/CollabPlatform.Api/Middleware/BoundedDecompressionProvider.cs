using System.IO.Compression;
using CollabPlatform.Api.Errors;
using Grpc.Net.Compression;

namespace CollabPlatform.Api.Middleware;

/// <summary>
/// A request compression (gzip, deflate) whose decompressed message may not grow beyond the size
/// limit: grpc-dotnet checks only the compressed length and inflates the rest into memory, so one
/// 4 MiB message could otherwise become gigabytes. Corrupt data is INVALID_ARGUMENT, not UNKNOWN.
/// </summary>
public sealed class BoundedDecompressionProvider(ICompressionProvider inner, int maxMessageSize) : ICompressionProvider
{
    public string EncodingName => inner.EncodingName;

    /// <summary>gzip and deflate, each bounded by <paramref name="maxMessageSize"/>.</summary>
    public static IList<ICompressionProvider> Defaults(int maxMessageSize) =>
    [
        new BoundedDecompressionProvider(new GzipCompressionProvider(CompressionLevel.Fastest), maxMessageSize),
        new BoundedDecompressionProvider(new DeflateCompressionProvider(CompressionLevel.Fastest), maxMessageSize),
    ];

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) => inner.CreateCompressionStream(stream, compressionLevel);

    public Stream CreateDecompressionStream(Stream stream) => new Bounded(inner.CreateDecompressionStream(stream), maxMessageSize, inner.EncodingName);

    private sealed class Bounded(Stream inner, int limit, string encoding) : Stream
    {
        private long _total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _total;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (InvalidDataException ex)
            {
                throw RpcErrors.MalformedMessage($"the request message is marked {encoding}-compressed but is not valid {encoding} ({ex.Message.TrimEnd('.')})");
            }

            _total += read;
            return _total > limit ? throw RpcErrors.MessageTooLarge(limit) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
