using System.Globalization;
using System.Text.Json;
using CollabPlatform.Cli.Client;
using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary><c>collab watch</c> against a real Host: live events as they commit, resuming after a cursor, and waiting out a server that is not up yet.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class CollabWatchCommandTests(ApiHostFixture host)
{
    // Kebumen: no other test of this collection writes ties of it.
    private const string Scope = "ID-33.05";

    [Fact]
    public async Task Watch_PrintsEachChangeAsItCommits_AndResumesAfterAPrintedCursor()
    {
        var address = host.GrpcAddress.ToString();
        var start = (await host.Client.Facilitation.GetDashboardSummaryAsync(new GetDashboardSummaryRequest { Scope = Scope })).Cursor;

        var watching = CliRun.InvokeAsync("watch", "--scope", Scope, "--after", start, "--count", "3", "--address", address);
        var id = await WriteThreeEventsAsync(host.Client);
        var live = await watching.WaitAsync(TimeSpan.FromSeconds(60));
        var lines = live.Output.TrimEnd('\n').Split('\n');

        Assert.True(live.ExitCode == 0, live.Error);
        Assert.Contains($"watching {Scope} after {start}", live.Error, StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Contains(id, line, StringComparison.Ordinal));
        Assert.Contains("Proposed", lines[0], StringComparison.Ordinal);
        Assert.Contains("MeetingRecorded", lines[1], StringComparison.Ordinal);
        Assert.Contains("MeetingRecorded", lines[2], StringComparison.Ordinal);

        // Every line ends with its cursor; resuming after the first prints the other two, as JSON.
        var firstCursor = lines[0][(lines[0].LastIndexOf('[') + 1)..^1];
        var resumed = await CliRun.InvokeAsync("watch", "--scope", Scope, "--after", firstCursor, "--count", "2", "--output", "json", "--address", address);
        var events = resumed.Output.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(id, e.GetProperty("partnershipId").GetString()));
        Assert.All(events, e => Assert.Equal("PARTNERSHIP_EVENT_TYPE_MEETING_RECORDED", e.GetProperty("eventType").GetString()));
        Assert.Equal(lines[1][(lines[1].LastIndexOf('[') + 1)..^1], events[0].GetProperty("cursor").GetString());
    }

    [Fact]
    public async Task Watch_BeforeTheServerIsUp_RetriesAndThenFollows()
    {
        var connectionString = await host.CreateDatabaseAsync("collab_watch_" + Guid.NewGuid().ToString("N")[..8]);
        var port = HostProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");

        var watching = CliRun.InvokeAsync("watch", "--scope", Scope, "--count", "1", "--address", address.ToString());
        var (late, _, _) = await ApiHostFixture.StartHostAsync(connectionString, "e2e-watch", new Dictionary<string, string>
        {
            ["Collab:Api:GrpcPort"] = port.ToString(CultureInfo.InvariantCulture),
        });
        await using var _ = late;
        using var client = CollabClient.Connect(address, TestIdentity.Credentials);
        var proposal = KlatenNanjingCountyStory.Propose(RequestIds.Unique("watch-late"));
        proposal.LocalRegionId = Scope;
        var id = (await client.Partnerships.ProposePartnershipAsync(proposal)).Partnership.Id;
        var result = await watching.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("connection lost (UNAVAILABLE", result.Error, StringComparison.Ordinal);
        Assert.Contains("reconnecting in", result.Error, StringComparison.Ordinal);
        Assert.Contains(id, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_UnknownScope_PrintsTheErrorAndExitsWithOne()
    {
        var result = await CliRun.InvokeAsync("watch", "--scope", "ID-99", "--address", host.GrpcAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NOT_FOUND", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    private static async Task<string> WriteThreeEventsAsync(CollabClient client)
    {
        var ids = RequestIds.Unique("watch");
        var proposal = KlatenNanjingCountyStory.Propose(ids);
        proposal.LocalRegionId = Scope;
        proposal.Title = "Kebumen – Nanjing County exchange";
        var id = (await client.Partnerships.ProposePartnershipAsync(proposal)).Partnership.Id;
        await client.Partnerships.RecordMeetingAsync(KlatenNanjingCountyStory.VirtualMeeting(ids, id));
        await client.Partnerships.RecordMeetingAsync(KlatenNanjingCountyStory.VirtualMeeting(RequestIds.Unique("watch"), id));
        return id;
    }
}
