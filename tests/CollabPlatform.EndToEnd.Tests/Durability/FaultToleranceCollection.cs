namespace CollabPlatform.EndToEnd.Tests.Durability;

/// <summary>
/// The fault tests with three replicas under load. They measure recovery times, so they run one
/// after another and after every parallel test of this assembly, not beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultToleranceCollection
{
    public const string Name = "Fault tolerance";
}
