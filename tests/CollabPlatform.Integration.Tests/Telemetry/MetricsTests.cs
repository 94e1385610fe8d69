using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Host.Hosting;
using CollabPlatform.Integration.Tests.Api;
using CollabPlatform.Persistence.Telemetry;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using Xunit.Abstractions;
using static CollabPlatform.Integration.Tests.Telemetry.MetricValues;

namespace CollabPlatform.Integration.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(TelemetryFixture fixture, ITestOutputHelper output) : IDisposable
{
    private static readonly string Mutations = CollabTelemetry.Mutations.Name;
    private static readonly string LedgerAppends = CollabTelemetry.LedgerAppendDuration.Name;
    private static readonly string FeedWatchers = CollabTelemetry.FeedWatchers.Name;
    private static readonly string FeedLag = CollabTelemetry.FeedLag.Name;

    /// <summary>Each command the API can send to a grain, by its name, with the aggregate the grain reports.</summary>
    private static readonly Dictionary<string, string> AggregateOfCommand = new[]
        {
            (typeof(PartnershipCommand), "partnership"),
            (typeof(JointProgramCommand), "joint_program"),
            (typeof(RegionProfileCommand), "region"),
        }
        .SelectMany(c => c.Item1.Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(c.Item1)).Select(t => (t.Name, Aggregate: c.Item2)))
        .ToDictionary(c => c.Name, c => c.Aggregate, StringComparer.Ordinal);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Timeout => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task FourStories_SeededReplayedAndOneIllegalMove_CountMutationsByKindAndOutcomeTimeAppendsAndShowStagesInTheGauge()
    {
        var ids = RequestIds.Unique("otel-metrics");
        using var api = TelemetryFixture.Connect(fixture.A, "cli");
        var before = fixture.CollectMetrics();
        var transactionsBefore = await LedgerTransactionsAsync();

        var seeded = await StorySeeder.SeedAsync(api.Client, ids, Timeout);
        var first = fixture.CollectMetrics();
        var transactionsAfter = await LedgerTransactionsAsync();
        var commands = api.Sent.Where(AggregateOfCommand.ContainsKey).ToList();
        await StorySeeder.SeedAsync(api.Client, ids, Timeout);
        var replayed = fixture.CollectMetrics();
        var klaten = seeded[0].PartnershipId;
        var illegal = await Assert.ThrowsAsync<RpcException>(() => api.Client.As(KlatenNanjingCountyStory.Official).Partnerships.AdvanceStageAsync(
            new AdvanceStageRequest { RequestId = ids.For("klaten/too-early"), PartnershipId = klaten, TargetStage = PartnershipStage.LetterOfIntent }).ResponseAsync);
        var rejected = fixture.CollectMetrics();

        output.WriteLine($"{commands.Count} mutating calls: {string.Join(", ", commands.GroupBy(c => c).Select(g => $"{g.Key} x{g.Count()}"))}");
        Assert.Equal(StatusCode.FailedPrecondition, illegal.StatusCode);
        Assert.Equal(["joint_program", "partnership", "region"], commands.Select(c => AggregateOfCommand[c]).Distinct().Order(StringComparer.Ordinal));
        foreach (var command in commands.Distinct())
        {
            var sent = commands.Count(c => c == command);
            (string, string)[] accepted = [("collab.aggregate", AggregateOfCommand[command]), ("collab.command", command), ("collab.outcome", "Accepted")];
            (string, string)[] replay = [("collab.aggregate", AggregateOfCommand[command]), ("collab.command", command), ("collab.outcome", "Replayed")];
            Assert.True(sent == Total(first, Mutations, accepted) - Total(before, Mutations, accepted), $"{command}: {sent} accepted calls");
            Assert.True(sent == Total(replayed, Mutations, replay) - Total(first, Mutations, replay), $"{command}: {sent} replayed calls");
            Assert.True(Total(replayed, Mutations, accepted) == Total(first, Mutations, accepted), $"{command}: a replay counted as accepted");
        }

        (string, string)[] refused = [("collab.aggregate", "partnership"), ("collab.command", nameof(AdvanceStage)), ("collab.outcome", nameof(RejectionKind.FailedPrecondition))];
        Assert.Equal(1, Total(rejected, Mutations, refused) - Total(replayed, Mutations, refused));

        // Each change of a ledger-backed aggregate is one append; deadline reminders may add a few
        // of their own meanwhile, which the ledger has too.
        var appends = Total(first, LedgerAppends) - Total(before, LedgerAppends);
        output.WriteLine($"{appends} appends timed, {transactionsAfter - transactionsBefore} ledger transactions");
        Assert.InRange(appends, commands.Count(c => AggregateOfCommand[c] != "region"), transactionsAfter - transactionsBefore);
        Assert.Equal("ms", first[LedgerAppends].Unit);

        // The gauge is refreshed every second here; the read model is what it must come to show.
        var (gauge, readModel) = await WaitForPartnershipsGaugeAsync();
        output.WriteLine($"collab.partnerships: {string.Join(", ", gauge.Select(g => $"{g.Key}={g.Value}"))}");
        Assert.Equal(readModel.OrderBy(p => p.Key, StringComparer.Ordinal), gauge.OrderBy(p => p.Key, StringComparer.Ordinal));
        foreach (var stage in await SeededStagesAsync(api, seeded))
        {
            Assert.True(gauge.GetValueOrDefault(stage.Key) >= stage.Value, $"{stage.Value} seeded partnerships are at {stage.Key}");
        }
    }

    [Fact]
    public async Task PlatformMetrics_AfterCalls_ComeFromAspNetCoreNpgsqlOrleansAndTheRuntimeAndPrometheusServesThem()
    {
        using var api = TelemetryFixture.Connect(fixture.A, KlatenNanjingCountyStory.Actor);
        await api.Client.Regions.GetRegionAsync(new GetRegionRequest { RegionId = KlatenNanjingCountyStory.Klaten }, cancellationToken: Timeout);
        await api.Client.Partnerships.ProposePartnershipAsync(ApiRequests.KlatenNanjing(), cancellationToken: Timeout);

        var metrics = fixture.CollectMetrics();
        using var http = new HttpClient();
        var scraped = await http.GetStringAsync(new Uri(fixture.B.Services.GetRequiredService<ManagementEndpoint>().Address!, "/metrics"), Timeout);
        output.WriteLine(string.Join('\n', scraped.Split('\n').Where(l => l.StartsWith("# TYPE collab", StringComparison.Ordinal))));

        Assert.True(Total(metrics, "http.server.request.duration", ("http.route", "/collab.v1.RegionService/GetRegion")) >= 1);
        Assert.True(Total(metrics, "db.client.operation.duration") >= 1);
        Assert.Contains(metrics.Values, m => m.MeterName == "Microsoft.Orleans");
        Assert.Contains(metrics.Values, m => m.MeterName == "System.Runtime");
        Assert.Contains("collab_mutations_total{", scraped, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{", scraped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_OneWatchAgreementsStream_IsOneWatcherWhileOpenAndTimesTheLagOfALiveEvent()
    {
        using var api = TelemetryFixture.Connect(fixture.A, "official:ID-33");
        var klaten = api.Client.As(Api.TestTokens.Official("ID-33.10")).Partnerships;
        await klaten.ProposePartnershipAsync(ApiRequests.KlatenNanjing(), cancellationToken: Timeout);
        var before = fixture.CollectMetrics();

        IReadOnlyDictionary<string, MetricSnapshot> open, live;
        string proposedId;
        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        using (var call = api.Client.Facilitation.WatchAgreements(new WatchAgreementsRequest { Scope = "ID-33.10" }, cancellationToken: cancel.Token))
        {
            // A heartbeat comes only once the feed has caught up and follows the ledger live.
            await ReadUntilAsync(call.ResponseStream, r => r.Heartbeat is not null, cancel.Token);
            open = fixture.CollectMetrics();
            proposedId = (await klaten.ProposePartnershipAsync(ApiRequests.KlatenNanjing(), cancellationToken: Timeout)).Partnership.Id;
            await ReadUntilAsync(call.ResponseStream, r => r.Event?.PartnershipId == proposedId, cancel.Token);
            live = fixture.CollectMetrics();
            await cancel.CancelAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        long closed;
        while ((closed = Total(fixture.CollectMetrics(), FeedWatchers)) != Total(before, FeedWatchers) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(Total(before, FeedWatchers) + 1, Total(open, FeedWatchers));
        Assert.Equal(Total(before, FeedWatchers), closed);
        Assert.Equal(1, Total(live, FeedLag) - Total(open, FeedLag));
        var lag = Sum(live, FeedLag) - Sum(open, FeedLag);
        output.WriteLine($"feed lag of {proposedId}: {lag:F1} ms");
        Assert.InRange(lag, 0, 30_000);
    }

    private static async Task ReadUntilAsync(IAsyncStreamReader<WatchAgreementsResponse> stream, Func<WatchAgreementsResponse, bool> until, CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
        {
            if (until(stream.Current))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException("the feed ended before the expected message");
    }

    private async Task<(Dictionary<string, long> Gauge, Dictionary<string, long> ReadModel)> WaitForPartnershipsGaugeAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var gauge = GaugeBy(fixture.CollectMetrics(), "collab.partnerships", "collab.stage");
            var readModel = await PartnershipsByStageAsync();
            if ((gauge.Count == readModel.Count && !gauge.Except(readModel).Any()) || DateTime.UtcNow > deadline)
            {
                return (gauge, readModel);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>How many of the seeded partnerships are at each stage, as the API reports them.</summary>
    private async Task<Dictionary<string, int>> SeededStagesAsync(ApiConnection api, IReadOnlyList<SeededPartnership> seeded)
    {
        var stages = new List<string>();
        foreach (var partnership in seeded)
        {
            var read = await api.Client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = partnership.PartnershipId }, cancellationToken: Timeout);
            // The proto's enum names are the domain's stage names, which the read model stores.
            stages.Add(read.Partnership.Stage.ToString());
        }

        return stages.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private async Task<long> LedgerTransactionsAsync()
    {
        await using var data = NpgsqlDataSource.Create(fixture.ConnectionString);
        return (long)(await data.CreateCommand("SELECT count(DISTINCT tx_id::text) FROM collab_ledger").ExecuteScalarAsync(Timeout))!;
    }

    private async Task<Dictionary<string, long>> PartnershipsByStageAsync()
    {
        await using var data = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = data.CreateCommand("SELECT stage, count(*) FROM collab_partnerships GROUP BY stage");
        await using var reader = await command.ExecuteReaderAsync(Timeout);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Timeout))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
