using Orleans.TestingHost;

namespace CollabPlatform.Persistence.Tests.Orleans;

/// <summary>Builds test clusters whose silos use only the ADO.NET providers against our PostgreSQL schema.</summary>
public static class ProbeCluster
{
    public static async Task<TestCluster> StartAsync(string connectionString, string serviceId, short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = $"cluster-{Guid.NewGuid():N}"[..20];

        // Membership must come from PostgreSQL, not from the test cluster's in-memory table.
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[AdoNetProbeConfigurator.ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<AdoNetProbeConfigurator>();
        builder.AddClientBuilderConfigurator<AdoNetProbeConfigurator>();

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
