using CollabPlatform.Cli.Client;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Persistence.Ledger;
using Xunit.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.Feeds;

/// <summary>
/// A watcher reads Jawa Tengah's feed over gRPC while eight clients write concurrently: what it
/// received is the ledger's committed set of the scope, in order, without a gap or a duplicate.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class ConcurrentWritersFeedTests(ApiHostFixture shared, ITestOutputHelper output)
{
    private const string Scope = "ID-33";

    [Fact]
    public async Task Watcher_DuringEightConcurrentWriters_ReceivesTheLedgersCommittedSetExactlyOnce()
    {
        var connectionString = await shared.CreateDatabaseAsync("collab_feed_" + Guid.NewGuid().ToString("N")[..8]);
        var (host, grpc, _) = await ApiHostFixture.StartHostAsync(connectionString, "e2e-feed", SeededHostFixture.FeedSettings);
        await using var _ = host;
        using var client = CollabClient.Connect(grpc, TestIdentity.Credentials, TimeSpan.FromSeconds(30));

        var tap = new FeedTap(Scope);
        var finalHead = new TaskCompletionSource<LedgerCursor>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(() => tap.ReadAsync(client, t => finalHead.Task.IsCompletedSuccessfully && t.Cursor.Length > 0 && t.Position >= finalHead.Task.Result, TimeSpan.FromSeconds(120)));

        var writer = new FeedWriter(client);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await writer.RunAsync(writers: 8, writes: 25, bound.Token);
        finalHead.SetResult(await LedgerScan.HeadAsync(connectionString));
        var error = await reading;

        var ledger = await LedgerScan.ScopeAsync(connectionString, Scope, LedgerCursor.Start, tap.Position);
        output.WriteLine($"writes acknowledged {writer.Acknowledged}, failed {writer.Failed}; events received {tap.Events.Count}, in the ledger {ledger.Count}; streams opened {tap.Connections}");
        Assert.Null(error);
        Assert.Equal(0, writer.Failed);
        Assert.Equal(200, writer.Acknowledged);
        Assert.Equal(ledger.Count, tap.Events.Select(e => e.Cursor).Distinct().Count());
        Assert.Equal(ledger.Select(r => r.Cursor.ToString()), tap.Events.Select(e => e.Cursor));
        Assert.True(ledger.Count >= writer.Acknowledged, $"every acknowledged write is an event of {Scope}");
    }
}
