using System.CommandLine;
using System.Globalization;
using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Benchmarks.Scenarios;

namespace CollabPlatform.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CollabPlatform.Benchmarks -- all</c> runs every scenario
/// and writes <c>bench/results/latest.md</c> and <c>latest.json</c>; naming scenarios runs only those.
/// A new scenario is one more line in <see cref="Scenarios"/>.
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
        // Ctrl+C ends the running scenario, stops its Host and PostgreSQL and still writes what was
        // measured; System.CommandLine's own handling would end the process after a timeout instead.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await CreateCommand(args).Parse(args).InvokeAsync(invocation, cancel.Token);
    }

    /// <summary>The command line; <paramref name="args"/> is recorded with the results as the command that made them.</summary>
    private static RootCommand CreateCommand(string[] args)
    {
        var names = new Argument<string[]>("scenarios")
        {
            Description = "all, or the scenarios to run: " + string.Join("; ", Scenarios.Select(s => $"{s.Name} ({s.Title})")),
            Arity = ArgumentArity.ZeroOrMore,
        };
        names.AcceptOnlyFromAmong([.. Scenarios.Select(s => s.Name).Prepend("all").Append("help")]);
        var quick = new Option<bool>("--quick")
        {
            Description = "small sizes to check the scenarios work; nothing is written unless --results is given",
        };
        var results = new Option<string?>("--results") { Description = "write the results to DIR instead of bench/results", HelpName = "DIR" };
        var host = new Option<string?>("--host")
        {
            Description = "measure another build of CollabPlatform.Host.dll (e.g. a copy of the code before a change)",
            HelpName = "PATH",
        };
        var hold = new Option<int>("--hold")
        {
            Description = "keep each scenario's Host running that long after measuring, to attach dotnet-trace or dotnet-gcdump",
            HelpName = "SECONDS",
            CustomParser = result =>
            {
                if (int.TryParse(result.Tokens.Single().Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return seconds;
                }

                result.AddError("--hold takes a whole number of seconds, zero or more");
                return 0;
            },
        };

        var command = new RootCommand("CollabPlatform benchmarks: each scenario starts its own PostgreSQL and Host and drives it over loopback gRPC")
        {
            names, quick, results, host, hold,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var selectedNames = parseResult.GetValue(names) ?? [];
            if (selectedNames.Length == 0 || selectedNames.Contains("help", StringComparer.Ordinal))
            {
                // No scenario named is a usage error; "help" asks for the same text on purpose.
                await command.Parse("--help").InvokeAsync(cancellationToken: cancellationToken);
                return selectedNames.Length == 0 ? 2 : 0;
            }

            var repository = HostUnderTest.RepositoryRoot();
            var resultsDirectory = parseResult.GetValue(results);
            var hostAssembly = parseResult.GetValue(host);
            var options = new BenchOptions
            {
                Quick = parseResult.GetValue(quick),
                ResultsDirectory = resultsDirectory is not null ? Path.GetFullPath(resultsDirectory) : Path.Combine(repository, "bench", "results"),
                HostAssembly = hostAssembly is not null ? Path.GetFullPath(hostAssembly) : null,
                Hold = TimeSpan.FromSeconds(parseResult.GetValue(hold)),
            };
            var selected = selectedNames.Contains("all", StringComparer.Ordinal)
                ? [.. Scenarios]
                : selectedNames.Select(n => Scenarios.First(s => s.Name == n)).ToList();
            var commandLine = "dotnet run -c Release --project bench/CollabPlatform.Benchmarks -- " + string.Join(' ', args);
            return await RunScenariosAsync(selected, options, write: !options.Quick || resultsDirectory is not null, commandLine, repository, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunScenariosAsync(IReadOnlyList<IScenario> selected, BenchOptions options, bool write, string command, string repository, CancellationToken cancellationToken)
    {
        var machine = await MachineInfo.ReadAsync(repository);
        if (options.HostAssembly is { } other)
        {
            Log.Line($"measuring the Host at {other}");
        }

        Log.Line($"CollabPlatform benchmarks at {machine.Commit[..Math.Min(10, machine.Commit.Length)]}{(machine.Dirty ? " (uncommitted changes)" : string.Empty)} on {machine.Cores} cores, {machine.Dotnet}{(options.Quick ? ", quick sizes" : string.Empty)}");

        var results = new List<ScenarioResult>();
        foreach (var scenario in selected)
        {
            results.Add(await ScenarioRecorder.RunAsync(scenario, options, cancellationToken));
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        if (write)
        {
            var (latest, copy) = await ResultWriter.WriteAsync(options.ResultsDirectory, machine, command, results);
            Log.Line($"results: {latest} and {copy}");
        }

        return results.All(r => r.Error is null) ? 0 : 1;
    }
}
