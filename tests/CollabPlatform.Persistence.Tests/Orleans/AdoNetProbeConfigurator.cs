using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CollabPlatform.Persistence.Tests.Orleans;

/// <summary>Points silos and the client at PostgreSQL through the ADO.NET providers, as the Host does.</summary>
public sealed class AdoNetProbeConfigurator : ISiloConfigurator, IClientBuilderConfigurator
{
    public const string ConnectionStringKey = "CollabTests:ConnectionString";
    public const string StorageName = "Default";
    private const string Invariant = "Npgsql";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = ConnectionString(siloBuilder.Configuration);
        siloBuilder.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        siloBuilder.AddAdoNetGrainStorage(StorageName, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        siloBuilder.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        // Production keeps the one-minute minimum; tests need a reminder to fire within seconds.
        siloBuilder.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }

    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = ConnectionString(configuration);
        });

    private static string ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] ?? throw new InvalidOperationException($"{ConnectionStringKey} is not set for the test cluster.");
}
