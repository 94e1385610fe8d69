namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>The tests that share one API Host; they run one after another, each with ids of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "API Host";
}
