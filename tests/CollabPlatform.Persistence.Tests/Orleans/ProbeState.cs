namespace CollabPlatform.Persistence.Tests.Orleans;

[GenerateSerializer]
[Alias("collab.tests.probe-state")]
public sealed record ProbeState
{
    [Id(0)]
    public string? Text { get; init; }
}
