namespace CollabPlatform.Integration.Tests.Api;

/// <summary>The API tests share one running Host.</summary>
[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "api-host";
}
