using CollabPlatform.Cli.Client;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Persistence.Ledger;
using Grpc.Core;
using Xunit.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.Feeds;

/// <summary>
/// Two replicas of one cluster on one database. A watcher follows Jawa Tengah on the first while
/// clients write through the second; the first is killed with SIGKILL mid-stream, and the watcher
/// reconnects to the second with its last cursor: it ends with every committed event exactly once.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class FeedResumeAfterCrashTests(ApiHostFixture shared, ITestOutputHelper output)
{
    private const string Scope = "ID-33";

    [Fact]
    public async Task Watcher_WhoseServerWasKilled_ResumesOnAnotherReplicaWithoutGapOrDuplicate()
    {
        var connectionString = await shared.CreateDatabaseAsync("collab_resume_" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = "e2e-resume-" + Guid.NewGuid().ToString("N")[..8];
        var (serving, servingGrpc, _) = await ApiHostFixture.StartHostAsync(connectionString, "e2e-resume", SeededHostFixture.FeedSettings, cluster);
        await using var _ = serving;
        var (other, otherGrpc, _) = await ApiHostFixture.StartHostAsync(connectionString, "e2e-resume", SeededHostFixture.FeedSettings, cluster);
        await using var __ = other;
        using var watcherToServing = CollabClient.Connect(servingGrpc, TestIdentity.Credentials, TimeSpan.FromSeconds(30));
        using var watcherToOther = CollabClient.Connect(otherGrpc, TestIdentity.Credentials, TimeSpan.FromSeconds(30));
        using var writerClient = CollabClient.Connect(otherGrpc, TestIdentity.Credentials, TimeSpan.FromSeconds(5));

        var tap = new FeedTap(Scope);
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Task.Run(() => tap.ReadAsync(watcherToServing, _ => false, TimeSpan.FromSeconds(90), _ =>
        {
            if (tap.Events.Count >= 30)
            {
                enough.TrySetResult();
            }
        }));

        // Writers go on through the other replica before, during and after the kill.
        using var stop = new CancellationTokenSource();
        var writer = new FeedWriter(writerClient);
        var writing = writer.RunAsync(writers: 4, writes: 100, stop.Token);
        await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await serving.KillAsync();
        var error = await first.WaitAsync(TimeSpan.FromSeconds(30));
        var receivedBeforeKill = tap.Events.Count;
        var cursorAtKill = tap.Cursor;
        var acknowledgedAtKill = writer.Acknowledged;

        // Let some writes land after the kill, then stop and take the ledger's final head.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (writer.Acknowledged < acknowledgedAtKill + 10 && DateTime.UtcNow < deadline && !writing.IsCompleted)
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await writing.WaitAsync(TimeSpan.FromSeconds(60));
        var head = await LedgerScan.HeadAsync(connectionString);
        await tap.CatchUpAsync(watcherToOther, head, TimeSpan.FromSeconds(60));

        var ledger = await LedgerScan.ScopeAsync(connectionString, Scope, LedgerCursor.Start, tap.Position);
        output.WriteLine(
            $"before the kill: {receivedBeforeKill} events received (cursor {cursorAtKill}), {acknowledgedAtKill} writes acknowledged; " +
            $"stream ended with {error?.StatusCode.ToString() ?? "no error"}; after resuming on the other replica: {tap.Events.Count - receivedBeforeKill} more; " +
            $"writes acknowledged {writer.Acknowledged}, failed {writer.Failed}; events in the ledger {ledger.Count}");
        Assert.NotNull(error);
        Assert.Contains(error.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal, StatusCode.Cancelled });
        Assert.Equal(2, tap.Connections);
        Assert.True(tap.Events.Count > receivedBeforeKill, "events committed after the kill reached the watcher through the other replica");
        Assert.Equal(ledger.Select(r => r.Cursor.ToString()), tap.Events.Select(e => e.Cursor));
        Assert.True(ledger.Count >= writer.Acknowledged, "every acknowledged write is an event of the scope");
    }
}
