using System.Globalization;
using CollabPlatform.EndToEnd.Tests.Infrastructure.Load;
using Xunit.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The measured figures of one fault test: written to the test output and appended to
/// <c>&lt;test&gt;.txt</c> in <c>$COLLAB_FIGURES_DIR</c> (CI prints that folder), or in
/// <c>figures/</c> next to the test assembly when the variable is unset. Disposing publishes what
/// was gathered if <see cref="Publish"/> was not called, so that a test that stops half-way still
/// shows how far it got.
/// </summary>
public sealed class FaultFigures(string test, ITestOutputHelper output) : IDisposable
{
    /// <summary>Environment variable naming the folder the figures go to.</summary>
    public const string DirectoryVariable = "COLLAB_FIGURES_DIR";

    private readonly List<string> _lines = [];
    private bool _published;

    /// <summary>Adds one line, formatted with the invariant culture (<c>12.3 s</c>, never <c>12,3 s</c>).</summary>
    public void Add(FormattableString line) => _lines.Add(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>The load's size, spread, latency and throughput, and what became of its writes.</summary>
    internal void AddLoad(LoadOptions options, LoadReport report, int replicas, StoredWrites stored)
    {
        Add($"load: {options.Loops} client loops over {replicas} replicas for {Seconds(report.StoppedAt)}, {report.Attempts.Count} attempts (per replica attempts/failed: {report.ByReplica(replicas)}), {report.Throughput:0} acknowledged writes/s, latency p50 {report.Latency(0.5).TotalMilliseconds:0} ms, p99 {report.Latency(0.99).TotalMilliseconds:0} ms");
        Add($"writes: {stored}; started but never acknowledged {report.Unacknowledged.Count}");
        Add($"success rate {report.SuccessRate:P1} of all attempts; failed attempts by status: {LoadReport.ByStatus(report.Failures)}");
    }

    /// <summary>Writes the lines so far to the test output and the figures file.</summary>
    public void Publish()
    {
        if (_published)
        {
            return;
        }

        _published = true;
        var block = $"== {test} ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, {Environment.ProcessorCount} cores)\n"
            + string.Join("\n", _lines.Select(l => "   " + l)) + "\n";
        output.WriteLine(block);
        var folder = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "figures");
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, test + ".txt"), block);
    }

    public void Dispose()
    {
        if (!_published)
        {
            Add($"(the test ended before it gathered all its figures)");
            Publish();
        }
    }

    /// <summary>Seconds with one decimal, e.g. <c>4.2 s</c>.</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
