using System.Diagnostics;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>Collects what a scenario measured and builds its <see cref="ScenarioResult"/>, with the machine load around it.</summary>
internal sealed class ScenarioRecorder
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _checks = [];
    private readonly List<string> _failedChecks = [];
    private IReadOnlyList<ResourceUsage> _resources = [];

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Log.Line($"  {figure.Name}: {Figure.Format(figure.Value)} {figure.Unit}"
            + (figure.Baseline is { } b ? $" (baseline {Figure.Format(b)}, ratio {figure.Ratio:0.00})" : string.Empty)
            + (figure.Pass is { } pass ? (pass ? " pass" : " MISS") + $" [{figure.Goal}]" : string.Empty));
    }

    public void Note(string note) => _notes.Add(note);

    /// <summary>A correctness check; a false one fails the scenario.</summary>
    public void Check(bool passed, string description)
    {
        _checks.Add((passed ? "ok: " : "FAILED: ") + description);
        if (!passed)
        {
            _failedChecks.Add(description);
        }

        Log.Line($"  check {(passed ? "ok" : "FAILED")}: {description}");
    }

    public void Resources(IReadOnlyList<ResourceUsage> usage)
    {
        _resources = usage;
        foreach (var u in usage)
        {
            Log.Line($"  {u.Name}: {u.Cores:0.00} cores, peak RSS {u.PeakResidentBytes / (1024 * 1024)} MiB");
        }
    }

    public static async Task<ScenarioResult> RunAsync(IScenario scenario, BenchOptions options, CancellationToken cancellationToken)
    {
        var recorder = new ScenarioRecorder();
        var started = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var loadAtStart = ProcStat.LoadAverage();
        Log.Line($"== {scenario.Name}: {scenario.Title} (load average {loadAtStart})");
        string? error = null;
        try
        {
            await scenario.RunAsync(options, recorder, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            Log.Line($"  scenario failed: {ex}");
        }

        if (error is null && recorder._failedChecks.Count > 0)
        {
            error = "correctness check failed: " + string.Join("; ", recorder._failedChecks);
        }

        var result = new ScenarioResult
        {
            Name = scenario.Name,
            Title = scenario.Title,
            StartedAt = started,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
            LoadAverageAtStart = loadAtStart,
            LoadAverageAtEnd = ProcStat.LoadAverage(),
            Figures = recorder._figures,
            Resources = recorder._resources,
            Notes = recorder._notes,
            Checks = recorder._checks,
            Error = error,
        };
        Log.Line($"== {scenario.Name}: {(result.Passed ? "passed" : "did not pass")} in {result.DurationSeconds:0} s (load average {result.LoadAverageAtEnd})");
        return result;
    }
}
