using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Security.Tests.Amplification;
using CollabPlatform.Security.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Security.Tests.Limits;

/// <summary>
/// A message over Collab:Api:MaxReceiveMessageSize is RESOURCE_EXHAUSTED with ErrorInfo
/// LIMIT_EXCEEDED naming the limit, over gRPC (plain or compressed) and over JSON (HTTP 429 with the
/// google.rpc.Status as body).
/// </summary>
public sealed class MessageSizeLimitTests : IAsyncLifetime
{
    private const int Limit = 64 * 1024;
    private const string Method = "/collab.v1.PartnershipService/ProposePartnership";

    private SecureHost _host = null!;

    public async Task InitializeAsync() => _host = await SecureHost.StartAsync("size-limit", new Dictionary<string, string>
    {
        ["Collab:Api:MaxReceiveMessageSize"] = Limit.ToString(CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Token => TestSigningKey.Token(new Principal("official-size", Role.RegionOfficial, "ID-33.10"));

    [Fact]
    public async Task GrpcMessage_OverTheLimit_IsResourceExhaustedWithLimitExceeded()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var client = RawGrpc.Client(_host.GrpcAddress);

        var status = await RawGrpc.CallAsync(client, Method, RawGrpc.Frame(TitleOf(Limit + 1)), Token, timeout.Token);

        AssertLimitExceeded(status);
    }

    [Fact]
    public async Task GrpcMessage_CompressedUnderButInflatedOverTheLimit_IsResourceExhaustedWithLimitExceeded()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var client = RawGrpc.Client(_host.GrpcAddress);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(TitleOf(64 * Limit), timeout.Token);
        }

        Assert.True(compressed.Length < Limit, $"the compressed message has {compressed.Length} bytes; it must be under the limit for this test");
        var status = await RawGrpc.CallAsync(client, Method, RawGrpc.Frame(compressed.ToArray(), compressed: true), Token, timeout.Token, encoding: "gzip");

        AssertLimitExceeded(status);
    }

    [Fact]
    public async Task JsonBody_OverTheLimit_Is429WithTheStatusAndLimitExceeded()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var http = new HttpClient { BaseAddress = _host.HttpAddress, Timeout = TimeSpan.FromSeconds(60) };
        var json = "{\"title\":\"" + new string('a', Limit + 1) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/partnerships") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);

        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"answered HTTP {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        Assert.Equal((int)StatusCode.ResourceExhausted, document.RootElement.GetProperty("code").GetInt32());
        var info = document.RootElement.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal("LIMIT_EXCEEDED", info.GetProperty("reason").GetString());
        Assert.Equal(Limit.ToString(CultureInfo.InvariantCulture), info.GetProperty("metadata").GetProperty("max_bytes").GetString());
    }

    private static void AssertLimitExceeded(RawStatus status)
    {
        Assert.True(status.StatusCode == StatusCode.ResourceExhausted, $"answered {status}; expected RESOURCE_EXHAUSTED");
        var info = Assert.Single(status.Details!.Details).Unpack<ErrorInfo>();
        Assert.Equal("LIMIT_EXCEEDED", info.Reason);
        Assert.Equal(Limit.ToString(CultureInfo.InvariantCulture), info.Metadata["max_bytes"]);
    }

    /// <summary>A ProposePartnershipRequest-shaped message: field 1 (a string) of <paramref name="length"/> bytes.</summary>
    private static byte[] TitleOf(int length)
    {
        using var buffer = new MemoryStream();
        var output = new Google.Protobuf.CodedOutputStream(buffer);
        output.WriteTag(1, Google.Protobuf.WireFormat.WireType.LengthDelimited);
        output.WriteString(new string('a', length));
        output.Flush();
        return buffer.ToArray();
    }
}
