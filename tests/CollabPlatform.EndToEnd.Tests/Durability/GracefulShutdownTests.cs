using CollabPlatform.Domain.Partnerships;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CollabPlatform.EndToEnd.Tests.Durability;

/// <summary>Two replicas form one cluster on one PostgreSQL; SIGTERM makes one leave cleanly.</summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;

    private readonly string _clusterId = "term-" + Guid.NewGuid().ToString("N")[..8];
    private PrivateDatabase? _database;

    public async Task InitializeAsync() => _database = await PrivateDatabase.StartAsync("term");

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task SigTerm_OneOfTwoReplicas_LeavesTheClusterCleanlyAndTheOtherServesItsGrains()
    {
        var settings = OrleansClientFactory.HostSettings(_database!.ConnectionString, _clusterId);
        // Each with an Orleans gateway of its own, for the client below.
        await using var first = await HostProcess.StartAsync(settings, gatewayPort: HostProcess.FreePort());
        await using var second = await HostProcess.StartAsync(settings, gatewayPort: HostProcess.FreePort());
        using var client = await OrleansClientFactory.ConnectAsync(_database.ConnectionString, _clusterId);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        // Enough partnerships that both silos host some of them.
        var ids = Enumerable.Range(0, 20).Select(i => $"P-TERM{i:D2}{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}").ToList();
        foreach (var id in ids)
        {
            var result = await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(id)).ExecuteAsync(Proposals.KlatenNanjing(id), new("official:ID-33.10", Principal: TestIdentity.Official("ID-33.10")));
            Assert.True(result.IsAccepted, result.Rejection?.Reason);
        }

        Assert.Equal([Active, Active], await MembershipStatusesAsync());

        var exitCode = await second.StopAsync(TimeSpan.FromSeconds(45));

        Assert.Equal(0, exitCode);
        Assert.Contains(Dead, await MembershipStatusesAsync());
        Assert.Contains(Active, await MembershipStatusesAsync());
        foreach (var id in ids)
        {
            var snapshot = await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(id)).GetAsync();
            Assert.Equal(PartnershipStage.Exploration, Partnership.FromHistory(snapshot!.Events).Stage);
        }

        Assert.False(first.HasExited);
        await client.StopAsync();
    }

    private async Task<List<int>> MembershipStatusesAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database!.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT status FROM orleans_membership WHERE deployment_id = $1 ORDER BY status");
        command.Parameters.Add(new() { Value = _clusterId });
        var statuses = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetInt32(0));
        }

        return statuses;
    }
}
