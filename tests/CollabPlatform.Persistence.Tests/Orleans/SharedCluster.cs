using Orleans.TestingHost;

namespace CollabPlatform.Persistence.Tests.Orleans;

/// <summary>The fixture's running test cluster and the database it uses.</summary>
public sealed record SharedCluster(TestCluster Cluster, string ConnectionString);
