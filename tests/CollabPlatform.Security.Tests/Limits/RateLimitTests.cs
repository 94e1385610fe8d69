using System.Net;
using System.Net.Http.Headers;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Security.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace CollabPlatform.Security.Tests.Limits;

/// <summary>
/// The per-subject rate limit (Collab:Api:RateLimit) answers RESOURCE_EXHAUSTED with RATE_LIMITED and
/// a RetryInfo once a subject's window is spent, leaves other subjects alone, and is 429 with
/// Retry-After over JSON; grpc.health.v1 Watch streams are capped per peer.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Permits = 5;

    private SecureHost _host = null!;

    public async Task InitializeAsync() => _host = await SecureHost.StartAsync("rate-limit", new Dictionary<string, string>
    {
        ["Collab:Api:RateLimit:PermitsPerWindow"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Collab:Api:RateLimit:Window"] = "00:10:00",
        ["Collab:Api:RateLimit:MaxHealthWatchesPerPeer"] = "2",
        ["Collab:Api:RateLimit:MaxHealthWatchesTotal"] = "2",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Metadata Bearer(string subject) =>
        [new("authorization", "Bearer " + TestSigningKey.Token(new Principal(subject, Role.Facilitator, "ID-33")))];

    [Fact]
    public async Task Calls_BeyondTheSubjectsWindow_AreResourceExhaustedWithRetryInfo_AndOtherSubjectsAreAnswered()
    {
        using var channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        var regions = new RegionService.RegionServiceClient(channel);
        var request = new GetRegionRequest { RegionId = "ID-33.10" };

        for (var i = 0; i < Permits; i++)
        {
            var region = await regions.GetRegionAsync(request, Bearer("rate-a"), DateTime.UtcNow.AddSeconds(30));
            Assert.Equal("ID-33.10", region.Region.Id);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await regions.GetRegionAsync(request, Bearer("rate-a"), DateTime.UtcNow.AddSeconds(30)));
        var other = await regions.GetRegionAsync(request, Bearer("rate-b"), DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        var status = refused.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal("RATE_LIMITED", status.GetDetail<ErrorInfo>()?.Reason);
        var retry = status.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero, $"RetryInfo says retry after {retry.RetryDelay}");
        Assert.Equal("ID-33.10", other.Region.Id);
    }

    [Fact]
    public async Task JsonCalls_BeyondTheSubjectsWindow_Are429WithRetryAfter()
    {
        using var http = new HttpClient { BaseAddress = _host.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = TestSigningKey.Token(new Principal("rate-json", Role.Facilitator, "ID-33"));
        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= Permits; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/regions/ID-33.10");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            last?.Dispose();
            last = await http.SendAsync(request);
            answers.Add(last.StatusCode);
        }

        using var refused = last!;
        var body = await refused.Content.ReadAsStringAsync();

        Assert.All(answers.Take(Permits), code => Assert.Equal(HttpStatusCode.OK, code));
        Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests, $"call {Permits + 1} answered HTTP {(int)refused.StatusCode}: {body}");
        Assert.True(refused.Headers.RetryAfter is not null, "the 429 carries no Retry-After header");
        Assert.Contains("RATE_LIMITED", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthWatches_BeyondThePeersCap_AreResourceExhaustedWithTooManyWatches()
    {
        using var channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        using var open = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var watch = new Method<byte[], byte[]>(MethodType.ServerStreaming, "grpc.health.v1.Health", "Watch", bytes, bytes);
        var held = new List<AsyncServerStreamingCall<byte[]>>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var call = channel.CreateCallInvoker().AsyncServerStreamingCall(watch, null, new CallOptions(cancellationToken: open.Token), []);
                held.Add(call);
                Assert.True(await call.ResponseStream.MoveNext(open.Token), $"watch {i + 1} sent no first status");
            }

            using var third = channel.CreateCallInvoker().AsyncServerStreamingCall(watch, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), []);
            var refused = await Assert.ThrowsAsync<RpcException>(async () => await third.ResponseStream.MoveNext(CancellationToken.None));

            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            Assert.Equal("TOO_MANY_WATCHES", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        }
        finally
        {
            foreach (var call in held)
            {
                call.Dispose();
            }
        }
    }
}
