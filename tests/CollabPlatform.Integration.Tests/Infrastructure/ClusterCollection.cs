namespace CollabPlatform.Integration.Tests.Infrastructure;

/// <summary>All integration tests share one database and cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
