using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Benchmarks.Scenarios;

namespace CollabPlatform.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CollabPlatform.Benchmarks -- all</c> runs every scenario
/// and writes <c>bench/results/latest.md</c> and <c>latest.json</c>; naming scenarios runs only those.
/// </summary>
internal static class BenchProgram
{
    private static readonly IScenario[] Scenarios =
    [
        new FeedScenario(),
        new FeedHorizonScenario(),
        new StartupScenario(),
        new UnaryReadScenario(),
        new MutationScenario(),
        new ScaleScenario(),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick", StringComparer.Ordinal);
        var resultsArgument = args.FirstOrDefault(a => a.StartsWith("--results=", StringComparison.Ordinal));
        var hostArgument = args.FirstOrDefault(a => a.StartsWith("--host=", StringComparison.Ordinal));
        var holdArgument = args.FirstOrDefault(a => a.StartsWith("--hold=", StringComparison.Ordinal));
        BenchStack.Hold = holdArgument is not null ? TimeSpan.FromSeconds(int.Parse(holdArgument["--hold=".Length..], System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.Zero;
        HostUnderTest.HostAssemblyOverride = hostArgument is not null ? Path.GetFullPath(hostArgument["--host=".Length..]) : null;
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (names.Count == 0 || names.Contains("help", StringComparer.Ordinal))
        {
            Console.WriteLine("usage: dotnet run -c Release --project bench/CollabPlatform.Benchmarks -- all|<scenario>... [--quick] [--results=DIR] [--host=PATH] [--hold=SECONDS]");
            Console.WriteLine("scenarios: " + string.Join(", ", Scenarios.Select(s => $"{s.Name} ({s.Title})")));
            Console.WriteLine("--quick: small sizes to check the scenarios work; nothing is written unless --results is given.");
            Console.WriteLine("--host=PATH: measure another build of CollabPlatform.Host.dll (e.g. a copy of the code before a change).");
            Console.WriteLine("--hold=SECONDS: keep each scenario's Host running that long after measuring, to attach dotnet-trace or dotnet-gcdump.");
            return names.Count == 0 ? 2 : 0;
        }

        var selected = names.Contains("all", StringComparer.Ordinal)
            ? [.. Scenarios]
            : names.Select(n => Scenarios.FirstOrDefault(s => s.Name == n) ?? throw new ArgumentException($"unknown scenario '{n}'; known: all, {string.Join(", ", Scenarios.Select(s => s.Name))}")).ToList();

        var root = HostUnderTest.RepositoryRoot();
        var options = new BenchOptions
        {
            Quick = quick,
            ResultsDirectory = resultsArgument is not null ? Path.GetFullPath(resultsArgument["--results=".Length..]) : Path.Combine(root, "bench", "results"),
        };
        var machine = await MachineInfo.ReadAsync(root);
        if (HostUnderTest.HostAssemblyOverride is { } other)
        {
            Log.Line($"measuring the Host at {other}");
        }

        Log.Line($"CollabPlatform benchmarks at {machine.Commit[..Math.Min(10, machine.Commit.Length)]}{(machine.Dirty ? " (uncommitted changes)" : string.Empty)} on {machine.Cores} cores, {machine.Dotnet}{(quick ? ", quick sizes" : string.Empty)}");

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var results = new List<ScenarioResult>();
        foreach (var scenario in selected)
        {
            results.Add(await ScenarioRecorder.RunAsync(scenario, options, cancel.Token));
            if (cancel.IsCancellationRequested)
            {
                break;
            }
        }

        if (!quick || resultsArgument is not null)
        {
            var command = "dotnet run -c Release --project bench/CollabPlatform.Benchmarks -- " + string.Join(' ', args);
            var (latest, copy) = await ResultWriter.WriteAsync(options.ResultsDirectory, machine, command, results);
            Log.Line($"results: {latest} and {copy}");
        }

        return results.All(r => r.Error is null) ? 0 : 1;
    }
}
