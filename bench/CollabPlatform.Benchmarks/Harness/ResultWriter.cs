using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// Writes <c>bench/results/latest.md</c> and <c>latest.json</c>, and a copy of this run named by
/// date and scenarios. The latest files keep, for every scenario, the newest run of it: running one
/// scenario replaces only its own entry, and each entry names its own date, commit and machine.
/// A hand-written analysis at the end of <c>latest.md</c>, from <see cref="AnalysisMarker"/> on, is
/// kept when the file is written again.
/// </summary>
internal static class ResultWriter
{
    /// <summary>Everything in <c>latest.md</c> from this line on is kept as it is.</summary>
    public const string AnalysisMarker = "<!-- analysis: written by hand for the run it names; kept when the results above are rewritten -->";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly string[] Order = ["feed", "startup", "unary", "mutation", "scale"];

    public static async Task<(string Markdown, string Copy)> WriteAsync(string directory, MachineInfo machine, string command, IReadOnlyList<ScenarioResult> results)
    {
        Directory.CreateDirectory(directory);
        var entries = results.Select(r => new ScenarioEntry { Machine = machine, Command = command, Result = r }).ToList();

        var latestJson = Path.Combine(directory, "latest.json");
        var merged = new List<ScenarioEntry>(entries);
        if (File.Exists(latestJson))
        {
            await using var stream = File.OpenRead(latestJson);
            var previous = await JsonSerializer.DeserializeAsync<ResultFile>(stream, Json);
            merged.AddRange(previous?.Scenarios.Where(p => entries.All(e => e.Result.Name != p.Result.Name)) ?? []);
        }

        merged.Sort((a, b) => Rank(a.Result.Name).CompareTo(Rank(b.Result.Name)));
        var stamp = results.Min(r => r.StartedAt).UtcDateTime.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
        var name = $"{stamp}-{string.Join('-', results.Select(r => r.Name))}";

        await File.WriteAllTextAsync(latestJson, JsonSerializer.Serialize(new ResultFile { Scenarios = merged }, Json));
        var latestMarkdown = Path.Combine(directory, "latest.md");
        var before = File.Exists(latestMarkdown) ? await File.ReadAllTextAsync(latestMarkdown) : string.Empty;
        var kept = before.IndexOf(AnalysisMarker, StringComparison.Ordinal) is var at and >= 0 ? Environment.NewLine + before[at..] : string.Empty;
        await File.WriteAllTextAsync(latestMarkdown, Markdown("Latest benchmark results", merged) + kept);
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(new ResultFile { Scenarios = entries }, Json));
        var copy = Path.Combine(directory, name + ".md");
        await File.WriteAllTextAsync(copy, Markdown($"Benchmark run {stamp}", entries));
        return (latestMarkdown, copy);
    }

    private static int Rank(string name) => Array.IndexOf(Order, name) is var i and >= 0 ? i : Order.Length;

    private static string Markdown(string title, IReadOnlyList<ScenarioEntry> entries)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {title}");
        md.AppendLine();
        md.AppendLine("Written by `dotnet run -c Release --project bench/CollabPlatform.Benchmarks -- <scenario|all>` (see `bench/README.md`); a hand-written analysis of where the time goes follows the results in `latest.md`.");
        md.AppendLine("Each figure that has a baseline was measured against it in the same run, on the same machine, so the ratio is the number to compare across machines.");
        md.AppendLine();
        md.AppendLine("| scenario | result | run (UTC) | commit | machine |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var entry in entries)
        {
            var r = entry.Result;
            md.AppendLine(CultureInfo.InvariantCulture, $"| [{r.Title}](#{r.Name}) | {Verdict(r)} | {r.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} | `{Short(entry.Machine.Commit)}`{(entry.Machine.Dirty ? " (uncommitted changes)" : string.Empty)} | {entry.Machine.Cores} cores, {entry.Machine.MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB |");
        }

        foreach (var machine in entries.Select(e => e.Machine).Distinct())
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Machine of commit `{Short(machine.Commit)}`: {machine.Cores} × {machine.Cpu}, {machine.MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB, {machine.Os}, {machine.Dotnet}, {machine.PostgreSql}.");
        }

        foreach (var entry in entries)
        {
            var r = entry.Result;
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"<a id=\"{r.Name}\"></a>");
            md.AppendLine(CultureInfo.InvariantCulture, $"## {r.Title}: {Verdict(r)}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"`{r.Name}`, started {r.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {r.DurationSeconds:0} s, commit `{Short(entry.Machine.Commit)}`; load average {r.LoadAverageAtStart} at the start, {r.LoadAverageAtEnd} at the end.");
            if (r.Error is not null)
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"**Failed:** {r.Error}");
            }

            if (r.Figures.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| figure | value | baseline | ratio | goal | |");
                md.AppendLine("|---|---:|---|---:|---|---|");
                foreach (var f in r.Figures)
                {
                    var baseline = f.Baseline is { } b ? $"{f.BaselineName}: {Figure.Format(b)} {f.Unit}" : string.Empty;
                    var ratio = f.Ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;
                    var pass = f.Pass switch { true => "pass", false => "**miss**", null => string.Empty };
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {Figure.Format(f.Value)} {f.Unit} | {baseline} | {ratio} | {f.Goal} | {pass} |");
                }
            }

            if (r.Resources.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| process | CPU (cores of " + entry.Machine.Cores + ") | peak RSS | RSS at end |");
                md.AppendLine("|---|---:|---:|---:|");
                foreach (var u in r.Resources)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {u.Name} | {u.Cores:0.00} | {Mib(u.PeakResidentBytes)} | {Mib(u.EndResidentBytes)} |");
                }
            }

            Bullets(md, "Checks", r.Checks);
            Bullets(md, "Notes", r.Notes);
        }

        return md.ToString();
    }

    private static void Bullets(StringBuilder md, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{heading}:");
        md.AppendLine();
        foreach (var line in lines)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
    }

    private static string Verdict(ScenarioResult r) =>
        r.Error is not null ? "**error**" : r.Figures.Any(f => f.Pass == false) ? "**goal missed**" : r.Figures.Any(f => f.Pass == true) ? "goals met" : "measured";

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0} MiB");

    private static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;

    private sealed record ResultFile
    {
        public required IReadOnlyList<ScenarioEntry> Scenarios { get; init; }
    }

    private sealed record ScenarioEntry
    {
        public required MachineInfo Machine { get; init; }

        public required string Command { get; init; }

        public required ScenarioResult Result { get; init; }
    }
}
