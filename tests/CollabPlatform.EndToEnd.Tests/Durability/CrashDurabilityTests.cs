using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.Durability;

/// <summary>
/// A real Host process is killed with SIGKILL right after acknowledging changes: every acknowledged
/// change must be in PostgreSQL, and a new Host must serve it.
/// </summary>
public sealed class CrashDurabilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _clusterId = "crash-" + Guid.NewGuid().ToString("N")[..8];
    private PrivateDatabase? _database;

    public async Task InitializeAsync() => _database = await PrivateDatabase.StartAsync("crash");

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task KillDashNine_RightAfterAcknowledgedChanges_LosesNothing()
    {
        var siloPort = HostProcess.FreePort();
        var gatewayPort = HostProcess.FreePort();
        var id = "P-CRASH" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var acknowledged = new List<long>();

        await using (var first = await HostProcess.StartAsync(Settings(), siloPort, gatewayPort))
        {
            using var client = await ConnectAsync();
            var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IPartnershipGrain>(GrainKeys.Partnership(id));
            var proposed = await grain.ExecuteAsync(Proposals.KlatenNanjing(id), new CommandMetadata("official:ID-33.10", "propose", Principal: TestIdentity.Official("ID-33.10")));
            Assert.True(proposed.IsAccepted, proposed.Rejection?.Reason);
            acknowledged.Add(proposed.Snapshot!.Version);
            for (var i = 1; i <= 10; i++)
            {
                var meeting = await grain.ExecuteAsync(Meeting(i), new CommandMetadata("official:ID-33.10", $"meeting-{i}", Principal: TestIdentity.Official("ID-33.10")));
                Assert.True(meeting.IsAccepted, meeting.Rejection?.Reason);
                acknowledged.Add(meeting.Snapshot!.Version);
            }

            // No shutdown code runs: the acknowledgement above is all the durability there is.
            await first.KillAsync();
            Assert.True(first.HasExited);
            await client.StopAsync();
        }

        var (ledgerVersion, rowVersion, meetings) = await ReadStoredAsync(id);
        output.WriteLine($"acknowledged {acknowledged.Count} changes (last version {acknowledged[^1]}); ledger holds version {ledgerVersion}, read model {rowVersion}, {meetings} meetings");
        Assert.Equal(acknowledged[^1], ledgerVersion);
        Assert.Equal(acknowledged[^1], rowVersion);
        Assert.Equal(10, meetings);

        await using var second = await HostProcess.StartAsync(Settings(), siloPort, gatewayPort);
        using var again = await ConnectAsync();
        var snapshot = await again.Services.GetRequiredService<IClusterClient>().GetGrain<IPartnershipGrain>(GrainKeys.Partnership(id)).GetAsync();
        var partnership = Partnership.FromHistory(snapshot!.Events);
        Assert.Equal(acknowledged[^1], partnership.Version);
        Assert.Equal(10, partnership.Meetings.Count);
        var retry = await again.Services.GetRequiredService<IClusterClient>().GetGrain<IPartnershipGrain>(GrainKeys.Partnership(id))
            .ExecuteAsync(Meeting(10), new CommandMetadata("official:ID-33.10", "meeting-10", Principal: TestIdentity.Official("ID-33.10")));
        Assert.True(retry.Replayed);
        Assert.Equal(acknowledged[^1], retry.Snapshot!.Version);
        await again.StopAsync();
    }

    private Dictionary<string, string> Settings() => OrleansClientFactory.HostSettings(_database!.ConnectionString, _clusterId);

    private Task<IHost> ConnectAsync() => OrleansClientFactory.ConnectAsync(_database!.ConnectionString, _clusterId);

    private static RecordMeeting Meeting(int i) => new()
    {
        MeetingId = $"M-{i}",
        Date = new DateOnly(2025, 7, 22),
        Mode = MeetingMode.Virtual,
        Summary = $"Coordination call {i} on tourism, MSMEs and agriculture",
    };

    private async Task<(long LedgerVersion, long RowVersion, long Meetings)> ReadStoredAsync(string id)
    {
        await using var dataSource = NpgsqlDataSource.Create(_database!.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT max(stream_version) FROM collab_ledger WHERE stream_id = $1),
                   (SELECT version FROM collab_partnerships WHERE partnership_id = $2),
                   (SELECT count(*) FROM collab_ledger WHERE stream_id = $1 AND event_type = 'partnership.meeting_recorded')
            """);
        command.Parameters.Add(new() { Value = GrainKeys.Partnership(id) });
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
