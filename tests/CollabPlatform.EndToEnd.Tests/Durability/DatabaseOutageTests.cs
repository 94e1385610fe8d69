using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.EndToEnd.Tests.Infrastructure.Load;
using CollabPlatform.Grains.Abstractions;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using static CollabPlatform.EndToEnd.Tests.Infrastructure.FaultFigures;

namespace CollabPlatform.EndToEnd.Tests.Durability;

/// <summary>
/// Three replicas under a steady write load while PostgreSQL is stopped (fast shutdown) and
/// started again; the Hosts are left alone. During the outage every failed call is UNAVAILABLE;
/// afterwards calls succeed again within <see cref="RecoveryBound"/> and nothing acknowledged is lost.
/// </summary>
[Collection(FaultToleranceCollection.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>From PostgreSQL accepting connections again until no call fails any more.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(20);

    private static readonly LoadOptions Load = new() { Loops = 6, PartnershipsPerLoop = 4, MaxDuration = TimeSpan.FromMinutes(4) };

    private ReplicatedDeployment? _deployment;

    public async Task InitializeAsync() => _deployment = await ReplicatedDeployment.StartAsync("pgdown", 3);

    public async Task DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task PostgresStoppedAndRestarted_UnderLoad_CallsAreUnavailableThenRecoverWithoutHostRestart()
    {
        var (database, replicas) = (_deployment!.Database, _deployment.Replicas);
        using var figures = new FaultFigures("database-outage", output);
        await using var load = new LoadDriver(replicas.GrpcAddresses, Load, "pgdown");
        load.Start();
        await load.WaitUntilAsync(
            l => l.Acknowledged.Count >= Load.Loops * (Load.PartnershipsPerLoop + 5),
            TimeSpan.FromSeconds(120),
            "warm-up: every loop has its partnerships");

        // An Orleans client is remote to every silo, so whatever a grain throws reaches it serialized.
        using var orleans = await OrleansClientFactory.ConnectAsync(replicas.ConnectionString, replicas.ClusterId);
        var grains = orleans.Services.GetRequiredService<IClusterClient>();
        var known = load.Acknowledged[0].PartnershipId;

        var stopping = load.Now;
        await database.StopServerAsync();
        var stopped = load.Now;
        await load.WaitUntilAsync(
            l => l.Attempts.Count(a => !a.Succeeded && a.Started >= stopped) >= Load.Loops * 20,
            TimeSpan.FromSeconds(30),
            "calls fail while PostgreSQL is down");

        // New partnerships need new activations, which read their (empty) ledger streams: that
        // fails too, on the replica the call arrives at or on the silo the grain is placed on.
        var probes = Enumerable.Range(0, 3 * replicas.Count).Select(i => (Replica: i % replicas.Count, Request: load.Proposal($"probe-{i}"))).ToList();
        var probeStatuses = new List<StatusCode>();
        foreach (var (replica, request) in probes)
        {
            probeStatuses.Add(await StatusOfAsync(() => load.Client(replica).Partnerships.ProposePartnershipAsync(request).ResponseAsync));
        }

        // What grains throw while the database is down, seen from outside the silo: loading a
        // partnership that is not active yet, and changing one that is.
        var grainFailures = new List<string>();
        foreach (var id in Enumerable.Range(0, 3).Select(i => $"P-DOWN{i}{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}"))
        {
            grainFailures.Add(await ExceptionOfAsync(() => grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(id)).GetAsync()));
        }

        grainFailures.Add(await ExceptionOfAsync(() => grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(known)).ExecuteAsync(
            new RecordMeeting { MeetingId = "M-DOWN", Date = new DateOnly(2025, 7, 22), Mode = Domain.Partnerships.MeetingMode.Virtual, Summary = "Call while the database is down" },
            new CommandMetadata(LoadDriver.Actor, "down-" + Guid.NewGuid().ToString("N"), Principal: TestIdentity.Official(LoadDriver.Actor["official:".Length..])))));

        var restarting = load.Now;
        await database.StartAgainAsync();
        var up = load.Now;
        await load.WaitUntilAsync(
            l => l.AcknowledgedSince(LastFailure(l.Attempts) ?? up) >= Load.Loops * 5,
            RecoveryBound + TimeSpan.FromSeconds(30),
            "calls succeed again after PostgreSQL is back");
        var report = await load.StopAsync(TimeSpan.FromSeconds(30));
        var retried = new List<string>();
        foreach (var (replica, request) in probes)
        {
            retried.Add((await load.Client((replica + 1) % replicas.Count).Partnerships.ProposePartnershipAsync(request)).Partnership.Id);
        }

        var stored = await StoredWrites.CheckAsync(replicas.ConnectionString, report.Acknowledged, load.Client(0));
        var probesStored = await CountPartnershipsAsync(replicas.ConnectionString, retried);
        var membership = await replicas.MembershipAsync();

        // Down for certain: from pg_ctl's confirmation that the server stopped until the restart began.
        var down = report.Attempts.Where(a => a.Started >= stopped && a.Ended <= restarting).ToList();
        var afterStop = report.Failures.Where(a => a.Ended >= stopping).ToList();
        var firstSuccess = report.Attempts.Where(a => a.Succeeded && a.Started >= up).Select(a => a.Ended).DefaultIfEmpty(report.StoppedAt).Min() - up;
        var lastFailure = (LastFailure(report.Attempts) ?? up) - up;
        var recovery = firstSuccess > lastFailure ? firstSuccess : lastFailure;
        figures.Add($"PostgreSQL and 3 replicas ready in {Seconds(_deployment.ReadyIn)}");
        figures.AddLoad(Load, report, replicas.Count, stored);
        figures.Add($"PostgreSQL stopped at {Seconds(stopping)} (took {Seconds(stopped - stopping)}), started again at {Seconds(restarting)} (took {Seconds(up - restarting)}): down for {Seconds(up - stopping)}");
        figures.Add($"failed before the outage: {LoadReport.ByStatus(report.Failures.Where(a => a.Ended < stopping))}");
        figures.Add($"while PostgreSQL was down: {down.Count} attempts, {down.Count(a => a.Succeeded)} succeeded; failed from the stop on, by status: {LoadReport.ByStatus(afterStop)}");
        figures.Add($"after PostgreSQL was back: first success after {Seconds(firstSuccess)}, last failure ended {Seconds(lastFailure)} after (negative: before it was back); recovery time {Seconds(recovery)} (bound {Seconds(RecoveryBound)})");
        figures.Add($"new partnerships proposed while PostgreSQL was down: {probes.Count}, answered {string.Join(", ", probeStatuses.GroupBy(c => c).Select(g => $"{LoadReport.Name(g.Key)} {g.Count()}"))}; retried with the same request_id afterwards: {probesStored} of {retried.Distinct().Count()} stored");
        figures.Add($"grain calls from an Orleans client while PostgreSQL was down threw: {string.Join(", ", grainFailures)}");
        figures.Add($"Hosts restarted: none ({string.Join(", ", Enumerable.Range(0, replicas.Count).Select(i => replicas[i].HasExited ? $"r{i} exited" : $"r{i} running"))}); membership afterwards: {membership.Count(m => m.Status == ReplicaSet.Active)} Active of {membership.Count}");
        if (report.Failures.Count > 0)
        {
            figures.Add($"failure messages:\n{LoadReport.Samples(report.Failures)}\n{replicas.LinesMentioning(LoadReport.CorrelationIds(report.Failures))}");
        }

        figures.Publish();

        Assert.True(report.Unacknowledged.Count == 0, $"writes never acknowledged although retried with their request_id: {string.Join(", ", report.Unacknowledged)}");
        Assert.True(stored.LostNothing, $"acknowledged writes lost: {stored}");
        Assert.True(down.Count > 0 && down.All(a => !a.Succeeded), $"{down.Count(a => a.Succeeded)} of {down.Count} writes were acknowledged while PostgreSQL was down");
        Assert.True(
            report.Failures.All(f => f.Status == StatusCode.Unavailable),
            $"failures other than UNAVAILABLE: {LoadReport.ByStatus(report.Failures)}\n{LoadReport.Samples(report.Failures)}\n{replicas.LinesMentioning(LoadReport.CorrelationIds(report.Failures))}");
        Assert.All(probeStatuses, code => Assert.Equal(StatusCode.Unavailable, code));
        Assert.All(grainFailures, type => Assert.Equal(nameof(DatabaseUnavailableException), type));
        Assert.Equal(probes.Count, probesStored);
        Assert.True(recovery < RecoveryBound, $"calls still failed {Seconds(recovery)} after PostgreSQL was back");
        Assert.All(Enumerable.Range(0, replicas.Count), i => Assert.False(replicas[i].HasExited, $"replica {i} exited:\n{replicas.Tails()}"));
        Assert.Equal(replicas.Count, membership.Count(m => m.Status == ReplicaSet.Active));
        Assert.Equal(replicas.Count, membership.Count);
    }

    private static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    /// <summary>The name of the exception <paramref name="call"/> throws, or <c>none</c>.</summary>
    private static async Task<string> ExceptionOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return "none";
        }
        catch (Exception ex)
        {
            return ex.GetType().Name;
        }
    }

    private static async Task<int> CountPartnershipsAsync(string connectionString, IReadOnlyList<string> ids)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM collab_partnerships WHERE partnership_id = ANY($1)");
        command.Parameters.Add(new() { Value = ids.ToArray() });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private static TimeSpan? LastFailure(IReadOnlyList<WriteAttempt> attempts) =>
        attempts.Where(a => !a.Succeeded).Select(a => (TimeSpan?)a.Ended).Max();
}
