using System.Globalization;
using CollabPlatform.Cli.Client;
using CollabPlatform.Cli.Seed;
using Grpc.Core;

namespace CollabPlatform.EndToEnd.Tests.Feeds;

/// <summary>
/// Writers of agreement events for feed tests: each proposes ties of a Jawa Tengah regency with
/// Nanjing County and records meetings on them. A failed call is counted and the writer moves on
/// to a new tie; calls are never cancelled half-way, so whatever the ledger holds once the writers
/// returned is final.
/// </summary>
internal sealed class FeedWriter(CollabClient client)
{
    private int _acknowledged;
    private int _failed;

    /// <summary>Calls answered OK.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Calls that failed, with any status.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Runs <paramref name="writers"/> writers of at most <paramref name="writes"/> calls each, until <paramref name="stop"/>.</summary>
    public Task RunAsync(int writers, int writes, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(1, writers).Select(writer => Task.Run(() => WriteAsync(writer, writes, stop), CancellationToken.None)));

    private async Task WriteAsync(int writer, int writes, CancellationToken stop)
    {
        // Cilacap (33.01) onwards: regencies of Jawa Tengah, each writer its own.
        var region = "ID-33." + writer.ToString("00", CultureInfo.InvariantCulture);
        string? tie = null;
        for (var i = 0; i < writes && !stop.IsCancellationRequested; i++)
        {
            var ids = RequestIds.Unique($"w{writer}");
            try
            {
                if (tie is null || i % 5 == 0)
                {
                    var proposal = KlatenNanjingCountyStory.Propose(ids);
                    proposal.LocalRegionId = region;
                    proposal.Title = $"{region} – Nanjing County exchange {i}";
                    tie = (await client.Partnerships.ProposePartnershipAsync(proposal, cancellationToken: CancellationToken.None)).Partnership.Id;
                }
                else
                {
                    await client.Partnerships.RecordMeetingAsync(KlatenNanjingCountyStory.VirtualMeeting(ids, tie), cancellationToken: CancellationToken.None);
                }

                Interlocked.Increment(ref _acknowledged);
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref _failed);
                tie = null;
            }
        }
    }
}
