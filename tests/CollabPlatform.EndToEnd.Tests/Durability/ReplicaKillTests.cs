using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.EndToEnd.Tests.Infrastructure.Load;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static CollabPlatform.EndToEnd.Tests.Infrastructure.FaultFigures;

namespace CollabPlatform.EndToEnd.Tests.Durability;

/// <summary>
/// Three replicas under a steady write load spread over all three; one is killed with SIGKILL in
/// the middle. Every acknowledged write must be in PostgreSQL, the dead silo must be declared
/// dead, and its grains must serve calls again on the survivors within <see cref="RecoveryBound"/>.
/// </summary>
[Collection(FaultToleranceCollection.Name)]
public sealed class ReplicaKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// From the kill until every grain the dead silo hosted has answered again and no call to a
    /// survivor fails any more. With the test cluster's membership timings (2 s probes, 2 missed
    /// probes) this takes seconds; the bound leaves room for a loaded 2-core machine.
    /// </summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    /// <summary>From the kill until the membership table says Dead.</summary>
    private static readonly TimeSpan DeathBound = TimeSpan.FromSeconds(30);

    private static readonly LoadOptions Load = new() { Loops = 6, PartnershipsPerLoop = 4, MaxDuration = TimeSpan.FromMinutes(4) };

    private ReplicatedDeployment? _deployment;

    public async Task InitializeAsync() => _deployment = await ReplicatedDeployment.StartAsync("kill", 3);

    public async Task DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task KillDashNine_OneOfThreeReplicasUnderLoad_LosesNoAcknowledgedWriteAndRecoversWithinBound()
    {
        const int victim = 2;
        var replicas = _deployment!.Replicas;
        using var figures = new FaultFigures("replica-kill", output);
        await using var load = new LoadDriver(replicas.GrpcAddresses, Load, "kill");
        load.Start();
        await load.WaitUntilAsync(
            l => l.Acknowledged.Count >= Load.Loops * (Load.PartnershipsPerLoop + 5) && ServedByEvery(l),
            TimeSpan.FromSeconds(120),
            "warm-up: every loop has its partnerships and every replica has answered");
        var hosted = await PartnershipsOnSiloAsync(replicas, victim);

        var killedAt = load.Now;
        await replicas.KillAsync(victim);
        figures.Add($"PostgreSQL and 3 replicas ready in {Seconds(_deployment.ReadyIn)}; kill -9 of replica {victim} {Seconds(killedAt)} into the load, when it hosted {hosted.Count} of the {load.Acknowledged.Select(a => a.PartnershipId).Distinct().Count()} partnerships");
        var deadAfter = await WaitForDeadAsync(replicas, victim, load, killedAt);
        figures.Add($"membership Dead after {Seconds(deadAfter)}");
        await load.WaitUntilAsync(
            l =>
            {
                var attempts = l.Attempts;
                return Interrupted(attempts, hosted, killedAt).All(id => FirstSuccessAfter(attempts, id, killedAt) is not null)
                    && l.AcknowledgedSince(LastSurvivorFailure(attempts, victim, killedAt) ?? killedAt) >= Load.Loops * 5;
            },
            RecoveryBound + TimeSpan.FromSeconds(30),
            "recovery: the partnerships of the killed silo that failed answer again and calls to the survivors stop failing");
        var report = await load.StopAsync(TimeSpan.FromSeconds(30));
        var stored = await StoredWrites.CheckAsync(replicas.ConnectionString, report.Acknowledged, load.Client(0));

        var afterKill = report.Failures.Where(f => f.Ended >= killedAt).ToList();
        var interrupted = Interrupted(report.Attempts, hosted, killedAt);
        var grainsBack = interrupted.Select(id => FirstSuccessAfter(report.Attempts, id, killedAt)!.Value - killedAt).DefaultIfEmpty(TimeSpan.Zero).Max();
        var survivorsClean = (LastSurvivorFailure(report.Attempts, victim, killedAt) ?? killedAt) - killedAt;
        var recovery = grainsBack > survivorsClean ? grainsBack : survivorsClean;
        figures.AddLoad(Load, report, replicas.Count, stored);
        figures.Add($"partnerships of the killed silo: {hosted.Count}, called again after the kill {hosted.Count(id => report.Attempts.Any(a => a.PartnershipId == id && a.Started >= killedAt))}, of which {interrupted.Count} failed first; these answered again at most {Seconds(grainsBack)} after the kill (all {hosted.Count} read back through a survivor at the end)");
        figures.Add($"last failed call to a survivor ended {Seconds(survivorsClean)} after the kill; recovery time {Seconds(recovery)} (bound {Seconds(RecoveryBound)})");
        figures.Add($"failed attempts after the kill: to the killed replica {afterKill.Count(f => f.Replica == victim)}, to the survivors {afterKill.Count(f => f.Replica != victim)}; by status: {LoadReport.ByStatus(afterKill)}");
        if (afterKill.Count > 0)
        {
            figures.Add($"failure messages:\n{LoadReport.Samples(afterKill)}");
        }

        figures.Publish();

        Assert.True(report.Unacknowledged.Count == 0, $"writes never acknowledged although retried with their request_id: {string.Join(", ", report.Unacknowledged)}");
        Assert.True(stored.LostNothing, $"acknowledged writes lost: {stored}");
        Assert.Subset(report.Acknowledged.Select(a => a.PartnershipId).ToHashSet(), hosted.ToHashSet());
        Assert.True(deadAfter < DeathBound, $"the killed silo was declared dead only after {Seconds(deadAfter)}");
        Assert.True(recovery < RecoveryBound, $"recovery took {Seconds(recovery)}, more than {Seconds(RecoveryBound)}");
        // Every failure must tell the client to retry. DEADLINE_EXCEEDED is one of them here: a call
        // that waits on a grain of the killed silo waits until the silo is declared dead.
        Assert.True(
            report.Failures.All(f => f.Status is StatusCode.Unavailable or StatusCode.Aborted or StatusCode.DeadlineExceeded),
            $"failures other than UNAVAILABLE, ABORTED or DEADLINE_EXCEEDED: {LoadReport.ByStatus(report.Failures)}\n{LoadReport.Samples(report.Failures)}\n{replicas.LinesMentioning(LoadReport.CorrelationIds(report.Failures))}");
        Assert.False(replicas[0].HasExited || replicas[1].HasExited, "a surviving replica exited:\n" + replicas.Tails());
    }

    private static bool ServedByEvery(LoadDriver load) =>
        Enumerable.Range(0, load.Replicas).All(r => load.Attempts.Any(a => a.Succeeded && a.Replica == r));

    /// <summary>When the first attempt on <paramref name="partnershipId"/> sent after <paramref name="since"/> was answered OK.</summary>
    private static TimeSpan? FirstSuccessAfter(IReadOnlyList<WriteAttempt> attempts, string partnershipId, TimeSpan since) =>
        attempts.Where(a => a.Succeeded && a.PartnershipId == partnershipId && a.Started >= since).Select(a => (TimeSpan?)a.Ended).Min();

    /// <summary>The partnerships among <paramref name="hosted"/> with a failed attempt that ended after <paramref name="since"/>.</summary>
    private static List<string> Interrupted(IReadOnlyList<WriteAttempt> attempts, IReadOnlyList<string> hosted, TimeSpan since) =>
        [.. hosted.Where(id => attempts.Any(a => !a.Succeeded && a.PartnershipId == id && a.Ended >= since))];

    /// <summary>The end of the last failed attempt on a surviving replica after <paramref name="since"/>.</summary>
    private static TimeSpan? LastSurvivorFailure(IReadOnlyList<WriteAttempt> attempts, int victim, TimeSpan since) =>
        attempts.Where(a => !a.Succeeded && a.Replica != victim && a.Ended >= since).Select(a => (TimeSpan?)a.Ended).Max();

    /// <summary>The partnerships whose grains are active on replica <paramref name="index"/>, asked of Orleans' management grain.</summary>
    private static async Task<IReadOnlyList<string>> PartnershipsOnSiloAsync(ReplicaSet replicas, int index)
    {
        using var client = await OrleansClientFactory.ConnectAsync(replicas.ConnectionString, replicas.ClusterId);
        var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var silo = hosts.Keys.Single(s => s.Endpoint.Port == replicas.SiloPort(index));
        var statistics = await management.GetDetailedGrainStatistics(null, [silo]);
        var ids = statistics
            .Select(s => s.GrainId.Key.ToString()!)
            .Where(key => key.StartsWith(Grains.Abstractions.GrainKeys.PartnershipPrefix, StringComparison.Ordinal))
            .Select(key => key[Grains.Abstractions.GrainKeys.PartnershipPrefix.Length..])
            .ToList();
        await client.StopAsync();
        Assert.True(ids.Count > 0, $"replica {index} hosts no partnership, so its death would test nothing");
        return ids;
    }

    /// <summary>Polls the membership table until the killed silo's row is Dead; the time from the kill.</summary>
    private static async Task<TimeSpan> WaitForDeadAsync(ReplicaSet replicas, int index, LoadDriver load, TimeSpan killedAt)
    {
        var port = replicas.SiloPort(index);
        while (load.Now - killedAt < DeathBound + TimeSpan.FromSeconds(30))
        {
            var rows = await replicas.MembershipAsync();
            if (rows.Any(r => r.Port == port && r.Status == ReplicaSet.Dead))
            {
                return load.Now - killedAt;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"the silo of replica {index} (port {port}) was not declared dead within {Seconds(DeathBound + TimeSpan.FromSeconds(30))}: {string.Join(", ", await replicas.MembershipAsync())}");
    }
}
