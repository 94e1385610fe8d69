using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace CollabPlatform.Security.Tests.Amplification;

/// <summary>
/// gRPC calls written byte by byte over h2c, so that a test can send what no generated client
/// would (garbage, cut frames, oversized messages) and read the status the Host answers with.
/// </summary>
public static class RawGrpc
{
    /// <summary>A client for the h2c port, one HTTP/2 connection.</summary>
    public static HttpClient Client(Uri grpcAddress) =>
        new(new SocketsHttpHandler { EnableMultipleHttp2Connections = false }) { BaseAddress = grpcAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A gRPC frame: the compressed flag, the big-endian length, the message.</summary>
    public static byte[] Frame(byte[] message, bool compressed = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var frame = new byte[5 + message.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="method"/> (<c>/pkg.Service/Rpc</c>) and reads the call's status.</summary>
    public static async Task<RawStatus> CallAsync(HttpClient client, string method, byte[] body, string? token, CancellationToken cancellationToken, string? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Headers.TryGetValues("grpc-status", out _) ? (HttpHeaders)response.Headers : response.TrailingHeaders;
        var code = headers.TryGetValues("grpc-status", out var codes) ? int.Parse(codes.First(), CultureInfo.InvariantCulture) : -1;
        var message = headers.TryGetValues("grpc-message", out var messages) ? Uri.UnescapeDataString(messages.First()) : string.Empty;
        var details = headers.TryGetValues("grpc-status-details-bin", out var bins)
            ? Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(PadBase64(bins.First())))
            : null;
        return new RawStatus(code, message, details);
    }

    // gRPC may send binary headers unpadded.
    private static string PadBase64(string value) => value.PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '=');
}
