using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.EndToEnd.Tests.Infrastructure.Load;
using Grpc.Core;
using Xunit.Abstractions;
using static CollabPlatform.EndToEnd.Tests.Infrastructure.FaultFigures;

namespace CollabPlatform.EndToEnd.Tests.Durability;

/// <summary>
/// Three replicas under a steady write load; each in turn is stopped with SIGTERM and started
/// again on its ports, and the next waits until it serves. No acknowledged write may be lost, and
/// a call may fail only with a status that tells the client to retry.
/// </summary>
[Collection(FaultToleranceCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The share of attempts that must succeed over the whole restart.</summary>
    private const double SuccessRateFloor = 0.90;

    private static readonly LoadOptions Load = new() { Loops = 6, PartnershipsPerLoop = 4, MaxDuration = TimeSpan.FromMinutes(8) };

    private ReplicatedDeployment? _deployment;

    public async Task InitializeAsync() => _deployment = await ReplicatedDeployment.StartAsync("roll", 3);

    public async Task DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task RollingRestart_OfAllThreeReplicasUnderLoad_LosesNoAcknowledgedWriteAndFailsOnlyRetryably()
    {
        var replicas = _deployment!.Replicas;
        using var figures = new FaultFigures("rolling-restart", output);
        await using var load = new LoadDriver(replicas.GrpcAddresses, Load, "roll");
        load.Start();
        await load.WaitUntilAsync(
            l => l.Acknowledged.Count >= Load.Loops * (Load.PartnershipsPerLoop + 5),
            TimeSpan.FromSeconds(120),
            "warm-up: every loop has its partnerships");

        figures.Add($"PostgreSQL and 3 replicas ready in {Seconds(_deployment.ReadyIn)}; load warm at {Seconds(load.Now)}");
        var exitCodes = new List<int>();
        var restartStarted = load.Now;
        for (var i = 0; i < replicas.Count; i++)
        {
            var stopping = load.Now;
            exitCodes.Add(await replicas.StopAsync(i, TimeSpan.FromSeconds(45)));
            var stopped = load.Now;
            figures.Add($"r{i}: SIGTERM at {Seconds(stopping)}, exited with {exitCodes[^1]} after {Seconds(stopped - stopping)}");
            await replicas.StartReplicaAsync(i);
            var ready = load.Now;
            figures.Add($"r{i}: started again, ready after {Seconds(ready - stopped)}");
            var replica = i;
            await load.WaitUntilAsync(
                l => l.Attempts.Count(a => a.Succeeded && a.Replica == replica && a.Started >= ready) >= 5,
                TimeSpan.FromSeconds(60),
                $"replica {i} serves the load again after its restart");
            figures.Add($"r{i}: serving the load {Seconds(load.Now - ready)} after that");
        }

        var restartEnded = load.Now;
        await load.WaitUntilAsync(l => l.AcknowledgedSince(restartEnded) >= Load.Loops * 5, TimeSpan.FromSeconds(60), "load after the last restart");
        var report = await load.StopAsync(TimeSpan.FromSeconds(30));
        var stored = await StoredWrites.CheckAsync(replicas.ConnectionString, report.Acknowledged, load.Client(0));
        var membership = await replicas.MembershipAsync();
        var during = report.Attempts.Where(a => a.Started >= restartStarted && a.Started < restartEnded).ToList();

        figures.AddLoad(Load, report, replicas.Count, stored);
        figures.Add($"rolling restart from {Seconds(restartStarted)} to {Seconds(restartEnded)}");
        figures.Add($"during the restart: {during.Count} attempts, success rate {(during.Count == 0 ? 0 : (double)during.Count(a => a.Succeeded) / during.Count):P1}; failed by status: {LoadReport.ByStatus(during.Where(a => !a.Succeeded))}");
        figures.Add($"membership afterwards: {membership.Count(m => m.Status == ReplicaSet.Active)} Active, {membership.Count(m => m.Status == ReplicaSet.Dead)} Dead");
        if (report.Failures.Count > 0)
        {
            figures.Add($"failure messages:\n{LoadReport.Samples(report.Failures)}\n{replicas.LinesMentioning(LoadReport.CorrelationIds(report.Failures))}");
        }

        figures.Publish();

        Assert.True(report.Unacknowledged.Count == 0, $"writes never acknowledged although retried with their request_id: {string.Join(", ", report.Unacknowledged)}");
        Assert.True(stored.LostNothing, $"acknowledged writes lost: {stored}");
        Assert.All(exitCodes, code => Assert.Equal(0, code));
        Assert.True(
            report.Failures.All(f => f.Status is StatusCode.Unavailable or StatusCode.Aborted),
            $"failures other than UNAVAILABLE or ABORTED: {LoadReport.ByStatus(report.Failures)}\n{LoadReport.Samples(report.Failures)}\n{replicas.LinesMentioning(LoadReport.CorrelationIds(report.Failures))}");
        Assert.True(report.SuccessRate >= SuccessRateFloor, $"success rate {report.SuccessRate:P1} is below {SuccessRateFloor:P0}");
        Assert.Equal(3, membership.Count(m => m.Status == ReplicaSet.Active));
        Assert.Equal(3, membership.Count(m => m.Status == ReplicaSet.Dead));
    }
}
