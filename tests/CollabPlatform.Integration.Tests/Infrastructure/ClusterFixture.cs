using CollabPlatform.Grains;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Grains.Deadlines;
using CollabPlatform.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace CollabPlatform.Integration.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL per test assembly and an in-process Orleans cluster of two silos on it, configured
/// exactly as the Host configures its silo. Tests use unique ids, so their order never matters.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>ServiceId shared by every cluster of this fixture, so a new cluster finds the old one's state.</summary>
    public const string ServiceId = "collab-integration";

    private TestDatabase? _database;

    /// <summary>The domain's clock, shared by all silos; Orleans itself keeps real time.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 8, 1, 3, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        Cluster = await StartClusterAsync();
    }

    /// <summary>A fresh cluster (new silos, new cluster id) on the same database and service.</summary>
    public async Task<TestCluster> StartClusterAsync(short silos = 2)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = "it-" + Guid.NewGuid().ToString("N")[..8];
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[SiloConfigurator.ConnectionStringKey] = ConnectionString;
        SiloConfigurator.SharedClock = Clock;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Stops every silo of the current cluster and starts a new one on the same database.</summary>
    public async Task RestartClusterAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Cluster = await StartClusterAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public const string ConnectionStringKey = "Collab:IntegrationConnectionString";

        public static FakeTimeProvider? SharedClock { get; set; }

        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionStringKey]
                ?? throw new InvalidOperationException("the test cluster has no connection string");
            OrleansHostingExtensions.AddCollabSiloServices(siloBuilder, connectionString);
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(GrainServiceCollectionExtensions.ClockKey, SharedClock!);
            // Deadlines are checked every two seconds here, so a reminder test needs no long wait.
            siloBuilder.Services.Configure<DeadlineOptions>(o => o.CheckPeriod = TimeSpan.FromSeconds(2));
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            var connectionString = configuration[SiloConfigurator.ConnectionStringKey]
                ?? throw new InvalidOperationException("the test cluster has no connection string");
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            clientBuilder.Services.AddSerializer(s => s.AddCollabSerialization());
        }
    }
}
