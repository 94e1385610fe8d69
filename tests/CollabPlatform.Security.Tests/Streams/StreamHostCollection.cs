namespace CollabPlatform.Security.Tests.Streams;

/// <summary>The stream tests share one <see cref="StreamHostFixture"/> Host.</summary>
[CollectionDefinition(Name)]
public sealed class StreamHostCollection : ICollectionFixture<StreamHostFixture>
{
    public const string Name = "stream host";
}
