namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>Every test class of the assembly shares one <see cref="ContractHost"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ContractHostCollection : ICollectionFixture<ContractHost>
{
    public const string Name = "contract host";
}
