namespace CollabPlatform.Persistence.Tests;

/// <summary>Tests that share the assembly's one embedded PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
