namespace CollabPlatform.Benchmarks.Harness;

/// <summary>One benchmark scenario: sets up its own database and Host, measures, and tears them down.</summary>
internal interface IScenario
{
    /// <summary>Its name on the command line.</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>Measures into <paramref name="recorder"/>; an exception fails the scenario with its message.</summary>
    Task RunAsync(BenchOptions options, ScenarioRecorder recorder, CancellationToken cancellationToken);
}
