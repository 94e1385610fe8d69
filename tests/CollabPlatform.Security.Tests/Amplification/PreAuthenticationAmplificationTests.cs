using System.Net;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Security.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace CollabPlatform.Security.Tests.Amplification;

/// <summary>
/// Unauthenticated HTTP/2 streams that declare a 4 MiB gRPC message and send 16 bytes of it must not
/// make the Host hold memory by what they declare: they are refused before their body is read.
/// </summary>
public sealed class PreAuthenticationAmplificationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Connections = 10;
    private const int StreamsPerConnection = 100;
    private const uint Declared = 4 * 1024 * 1024;
    private const long AllowedGrowth = 32L * 1024 * 1024;

    private SecureHost _host = null!;

    public async Task InitializeAsync() => _host = await SecureHost.StartAsync("amplification", HostMetrics.Settings);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StalledUnauthenticatedStreams_DeclaringFourMiB_HoldNoMemoryAndAreCut()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var pid = HostGc.FindPid(_host.GrpcAddress.Port);
        var before = await HostGc.CollectAndScrapeAsync(pid, _host.ManagementAddress, timeout.Token);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = Enumerable.Range(0, Connections).Select(_ => H2cClient()).ToList();
        try
        {
            var streams = clients
                .SelectMany(client => Enumerable.Range(0, StreamsPerConnection).Select(_ => SendStalledAsync(client, release.Task)))
                .ToList();

            // What the Host holds alive while the streams stand stalled (or once it has cut them).
            await Task.Delay(TimeSpan.FromSeconds(5), timeout.Token);
            var peak = await HostGc.CollectAndScrapeAsync(pid, _host.ManagementAddress, timeout.Token);

            var all = Task.WhenAll(streams);
            var cut = await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30), timeout.Token)) == all;
            var outcomes = streams.Where(s => s.IsCompleted).Select(s => s.Result).GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
            var summary = string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}"));
            output.WriteLine($"committed GC memory {before.GcCommittedBytes / 1048576} → {peak.GcCommittedBytes / 1048576} MiB, heap {before.GcHeapBytes / 1048576} → {peak.GcHeapBytes / 1048576} MiB; outcomes: {summary}");

            Assert.True(
                peak.GcCommittedBytes - before.GcCommittedBytes < AllowedGrowth,
                $"phase 'stalled streams': the Host's committed GC memory grew from {before.GcCommittedBytes / 1048576} MiB to {peak.GcCommittedBytes / 1048576} MiB (heap {before.GcHeapBytes / 1048576} → {peak.GcHeapBytes / 1048576} MiB) for {Connections * StreamsPerConnection} unauthenticated streams declaring {Declared} bytes; outcomes so far: {summary}");
            Assert.True(cut, $"phase 'cut': not every stalled stream was answered or reset within 30 s after the stall; outcomes: {summary}");
        }
        finally
        {
            release.TrySetResult();
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        await AssertAuthenticatedCallAnswersAsync();
    }

    private async Task AssertAuthenticatedCallAnswersAsync()
    {
        using var channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        var client = new PartnershipService.PartnershipServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + TestSigningKey.Token(new Principal("ministry-amplification", Role.Ministry, "MINISTRY-ID")) } };

        var response = await client.ListPartnershipsAsync(new ListPartnershipsRequest(), headers, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.NotNull(response);
    }

    private HttpClient H2cClient() =>
        new(new SocketsHttpHandler { EnableMultipleHttp2Connections = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = _host.GrpcAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>How the Host ended the stream: its grpc-status, or "reset".</summary>
    private static async Task<string> SendStalledAsync(HttpClient client, Task release)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/collab.v1.PartnershipService/GetPartnership")
        {
            Content = new StallingFrameContent(Declared, 16, release),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var status = response.Headers.TryGetValues("grpc-status", out var values) ? values.First() : null;
            if (status is null)
            {
                await response.Content.CopyToAsync(Stream.Null);
                status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailers) ? trailers.First() : $"http {(int)response.StatusCode}";
            }

            return $"grpc-status {status}";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "reset";
        }
    }
}
