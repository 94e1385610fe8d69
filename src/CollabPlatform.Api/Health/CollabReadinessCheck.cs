using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CollabPlatform.Api.Health;

/// <summary>
/// Ready to serve: this replica's silo is an active member of the cluster, and PostgreSQL answers.
/// Reported through grpc.health.v1 for the overall service "" and for every collab.v1 service, so
/// that a load balancer takes a replica out while either is missing and puts it back after.
/// </summary>
public sealed class CollabReadinessCheck(ILocalSiloDetails silo, IClusterMembershipService membership, NpgsqlDataSource database) : IHealthCheck
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"the silo {silo.SiloAddress} is {status}, not Active in the cluster");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(DatabaseTimeout);
            await using var command = database.CreateCommand("SELECT 1");
            command.CommandTimeout = (int)Math.Ceiling(DatabaseTimeout.TotalSeconds);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("silo active, database reachable");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", ex);
        }
    }
}
