using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.ForeignClient.Tests.Infrastructure;
using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>WatchAgreements' per-caller stream limit (the Host of this assembly allows <see cref="ContractHost.MaxStreamsPerCaller"/>).</summary>
[Collection(ContractHostCollection.Name)]
public sealed class StreamLimitTests(ContractHost host)
{
    [Theory]
    [InlineData(Transport.Grpc)]
    [InlineData(Transport.Json)]
    public async Task WatchAgreements_OneStreamTooMany_IsResourceExhausted(Transport transport)
    {
        await ContractWorld.GetAsync(host); // Klaten's scope has events, so a stream answers at once.
        var token = TestSigningKey.Token($"official:watcher-{transport}", "region-official", Seeds.KlatenId);
        var facilitation = new FacilitationService.FacilitationServiceClient(host.Invoker);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var open = new List<AsyncServerStreamingCall<WatchAgreementsResponse>>();
        try
        {
            for (var i = 0; i < ContractHost.MaxStreamsPerCaller; i++)
            {
                var call = facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = Seeds.KlatenId }, new Metadata { { "authorization", "Bearer " + token } }, cancellationToken: stop.Token);
                open.Add(call);
                Assert.True(await call.ResponseStream.MoveNext(stop.Token), $"stream {i + 1} of {ContractHost.MaxStreamsPerCaller} ended before its first event");
            }

            var outcome = await DynamicRpc.CallAsync(host, transport, ProtoMethods.Find("FacilitationService.WatchAgreements"), $$"""{"scope":"{{Seeds.KlatenId}}"}""", token);

            Assert.True(outcome.Code == StatusCode.ResourceExhausted, $"{transport}: expected RESOURCE_EXHAUSTED, got {outcome}");
            Assert.Equal("TOO_MANY_STREAMS", outcome.Reason);
        }
        finally
        {
            await stop.CancelAsync();
            open.ForEach(c => c.Dispose());
        }
    }
}
