namespace CollabPlatform.Benchmarks.Harness;

/// <summary>What one scenario measured, with the machine load around it and what it checked.</summary>
internal sealed record ScenarioResult
{
    /// <summary>The command-line name: feed, startup, unary, mutation, scale.</summary>
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>/proc/loadavg (1, 5, 15 minutes) when the scenario started and ended.</summary>
    public required string LoadAverageAtStart { get; init; }

    public required string LoadAverageAtEnd { get; init; }

    public required IReadOnlyList<Figure> Figures { get; init; }

    /// <summary>CPU and memory of the Host, PostgreSQL and the load generator over the main measured window.</summary>
    public IReadOnlyList<ResourceUsage> Resources { get; init; } = [];

    /// <summary>How the scenario was set up and what the numbers mean.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Correctness checks made on the way (e.g. every event delivered exactly once); a failed one fails the scenario.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>Null when the scenario ran; otherwise why it failed.</summary>
    public string? Error { get; init; }

    public bool Passed => Error is null && Figures.All(f => f.Pass != false);
}
