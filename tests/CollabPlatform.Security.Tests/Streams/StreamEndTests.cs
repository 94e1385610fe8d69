using System.Diagnostics;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Security.Tests.Tokens;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Security.Tests.Streams;

/// <summary>
/// A WatchAgreements stream lives no longer than its token, nor longer than the server's maximum
/// stream lifetime, and answers its headers at once even when the scope is quiet.
/// </summary>
[Collection(StreamHostCollection.Name)]
public sealed class StreamEndTests(StreamHostFixture host)
{
    // Bali: nothing is written there, so its feed stays quiet.
    private const string Scope = "ID-51";

    [Fact]
    public async Task Watch_TokenExpiresWhileOpen_EndsWithTokenExpired()
    {
        var token = CraftedTokens.Sign(CraftedTokens.Claims("facilitator:ID-51", jurisdiction: Scope, lifetime: TimeSpan.FromSeconds(3)));
        var clock = Stopwatch.StartNew();

        var ended = await EndOfStreamAsync(token, TimeSpan.FromSeconds(20), "a stream whose token expires after 3 s");

        Assert.True(ended.StatusCode == StatusCode.Unauthenticated, $"expected UNAUTHENTICATED, got {ended.StatusCode}: {ended.Status.Detail}");
        Assert.Equal("TOKEN_EXPIRED", ended.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Contains("expired", ended.Status.Detail, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < StreamHostFixture.MaxLifetime, $"the stream ended after {clock.Elapsed}, not when its token expired");
    }

    [Fact]
    public async Task Watch_OpenLongerThanTheMaximumLifetime_EndsWithStreamLifetime()
    {
        var token = CraftedTokens.Sign(CraftedTokens.Claims("facilitator:ID-51", jurisdiction: Scope));
        var clock = Stopwatch.StartNew();

        var ended = await EndOfStreamAsync(token, TimeSpan.FromSeconds(30), "a stream open past the maximum lifetime");

        Assert.True(ended.StatusCode == StatusCode.Unavailable, $"expected UNAVAILABLE, got {ended.StatusCode}: {ended.Status.Detail}");
        Assert.Equal("STREAM_LIFETIME", ended.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Contains("cursor", ended.Status.Detail, StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= StreamHostFixture.MaxLifetime - TimeSpan.FromSeconds(1), $"the stream ended after {clock.Elapsed}, before its maximum lifetime");
    }

    [Fact]
    public async Task Watch_QuietScope_SendsItsHeadersAtOnce()
    {
        var token = CraftedTokens.Sign(CraftedTokens.Claims("facilitator:ID-51", jurisdiction: Scope));
        using var cancel = new CancellationTokenSource();
        using var call = host.Facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = Scope }, CraftedTokens.Bearer(token), cancellationToken: cancel.Token);
        var bound = TimeSpan.FromSeconds(3);

        var headers = call.ResponseHeadersAsync;
        var first = await Task.WhenAny(headers, Task.Delay(bound));

        Assert.True(first == headers, $"no response headers within {bound} on a quiet scope (heartbeats every {StreamHostFixture.HeartbeatInterval})");
        Assert.NotNull(await headers);
        await cancel.CancelAsync();
    }

    private async Task<RpcException> EndOfStreamAsync(string token, TimeSpan within, string phase)
    {
        using var bound = new CancellationTokenSource(within);
        using var call = host.Facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = Scope }, CraftedTokens.Bearer(token), cancellationToken: bound.Token);
        try
        {
            while (await call.ResponseStream.MoveNext(bound.Token))
            {
                // Heartbeats may arrive; the test waits for the end.
            }
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            return ex;
        }
        catch (RpcException) when (bound.IsCancellationRequested)
        {
            Assert.Fail($"{phase}: still open after {within}");
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            Assert.Fail($"{phase}: still open after {within}");
        }

        Assert.Fail($"{phase}: the stream ended with OK, which tells a client nothing");
        return null!;
    }
}
