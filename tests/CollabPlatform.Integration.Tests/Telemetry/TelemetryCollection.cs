namespace CollabPlatform.Integration.Tests.Telemetry;

/// <summary>
/// The telemetry tests share two replicas. Activity sources and our meter are process-wide, so
/// this collection runs on its own, after the parallel ones: no other test's Host is then
/// recording into the instruments whose counts these tests compare.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "telemetry";
}
