using System.Diagnostics;
using CollabPlatform.Benchmarks.Harness;
using CollabPlatform.Persistence.Embedded;
using CollabPlatform.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>
/// Start-up: how long the Host with its embedded default PostgreSQL takes until it
/// serves, cold (an empty data folder: initdb, start, create the database, migrate) and warm (the
/// folder of a previous run). The baseline is the embedded PostgreSQL alone doing the same
/// database work through the project's own API, in this program.
/// </summary>
internal sealed class StartupScenario : IScenario
{
    public string Name => "startup";

    public string Title => "Start-up of the embedded default";

    public async Task RunAsync(BenchOptions options, ScenarioRecorder recorder, CancellationToken cancellationToken)
    {
        var colds = options.Size(2, 1);
        var warms = options.Size(3, 1);
        var root = Path.Combine(Path.GetTempPath(), $"collab-bench-startup-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(root);
        try
        {
            // Untimed: brings the PostgreSQL binaries and this program's database code into memory.
            await DatabaseOnlyAsync(Path.Combine(root, "untimed"), cancellationToken);

            var hostCold = new List<HostStart>();
            var dbCold = new List<TimeSpan>();
            for (var i = 0; i < colds; i++)
            {
                hostCold.Add(await HostStartAsync(Path.Combine(root, $"host-cold-{i}"), options.HostAssembly, cancellationToken));
                dbCold.Add(await DatabaseOnlyAsync(Path.Combine(root, $"db-cold-{i}"), cancellationToken));
            }

            // Warm: the folders of the first cold start of each, used again.
            var hostWarm = new List<HostStart>();
            var dbWarm = new List<TimeSpan>();
            for (var i = 0; i < warms; i++)
            {
                hostWarm.Add(await HostStartAsync(Path.Combine(root, "host-cold-0"), options.HostAssembly, cancellationToken));
                dbWarm.Add(await DatabaseOnlyAsync(Path.Combine(root, "db-cold-0"), cancellationToken));
            }

            var baselineName = "embedded PostgreSQL alone";
            recorder.Add(Figure.Of("cold start until SERVING (median)", Median(hostCold.Select(h => h.Serving)), "ms", baselineName, Median(dbCold)));
            recorder.Add(Figure.Of("cold start until the ready line (median)", Median(hostCold.Select(h => h.ReadyLine)), "ms", baselineName, Median(dbCold)));
            recorder.Add(Figure.Of("warm start until SERVING (median)", Median(hostWarm.Select(h => h.Serving)), "ms", baselineName, Median(dbWarm)));
            recorder.Add(Figure.Of("warm start until the ready line (median)", Median(hostWarm.Select(h => h.ReadyLine)), "ms", baselineName, Median(dbWarm)));
            recorder.Add(Figure.Of("Host RSS when ready (warm, median)", hostWarm.Select(h => h.ResidentBytes / (1024.0 * 1024)).Order().ElementAt(hostWarm.Count / 2), "MiB"));
            recorder.Note($"Every start: cold {string.Join(", ", hostCold.Select(h => $"{h.Serving.TotalMilliseconds:0}"))} ms (database alone {string.Join(", ", dbCold.Select(d => $"{d.TotalMilliseconds:0}"))} ms); warm {string.Join(", ", hostWarm.Select(h => $"{h.Serving.TotalMilliseconds:0}"))} ms (database alone {string.Join(", ", dbWarm.Select(d => $"{d.TotalMilliseconds:0}"))} ms). The Host's own ready line said {string.Join(", ", hostCold.Concat(hostWarm).Select(h => h.Reported))} ms.");
            recorder.Note("Measured from spawning `dotnet CollabPlatform.Host.dll` (no connection string, Collab:Database:DataDirectory set) to its \"CollabPlatform ready\" log line, and to the first grpc.health.v1 Check of the overall service answering SERVING (silo active, database answering), polled every 20 ms. Each Host is stopped with SIGTERM, which also stops its PostgreSQL, before the next start.");
            recorder.Note("Baseline: EmbeddedPostgres.StartAsync plus DatabaseMigrator.MigrateAsync in the benchmark process on a folder of its own (cold: initdb, start, create the database, migrate; warm: start and find nothing to migrate), then stop: the database part of the Host's start, so the ratio is what the .NET process, Orleans and Kestrel add.");
        }
        finally
        {
            BenchDatabase.TryDelete(root);
        }
    }

    private static async Task<HostStart> HostStartAsync(string dataDirectory, string? hostAssembly, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var host = await HostUnderTest.StartAsync(
            new Dictionary<string, string> { ["Collab:Database:DataDirectory"] = dataDirectory },
            hostAssembly,
            workingDirectory: dataDirectory);
        await using (host)
        {
            var readyLine = host.TimeToReadyLine;
            using var client = ApiClient.Connect(host.GrpcAddress, BenchIdentity.Admin);
            var request = HealthCheck.Request(string.Empty);
            var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    if (await HealthCheck.CheckAsync(client, request, DateTime.UtcNow.AddSeconds(5), cancellationToken) == HealthCheck.Serving)
                    {
                        break;
                    }
                }
                catch (Grpc.Core.RpcException) when (Stopwatch.GetTimestamp() < deadline)
                {
                }

                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"the Host on {dataDirectory} was not SERVING within 60 s:\n{host.Tail()}");
                }

                await Task.Delay(20, cancellationToken);
            }

            var serving = host.SinceSpawn;
            var start = new HostStart(readyLine, serving, host.ReportedReadyMs, ProcStat.ResidentBytes(host.Pid) ?? 0);
            Log.Line($"  Host on {Path.GetFileName(dataDirectory)}: ready line {readyLine.TotalMilliseconds:0} ms, SERVING {serving.TotalMilliseconds:0} ms");
            await host.StopAsync(TimeSpan.FromSeconds(30));
            return start;
        }
    }

    private static async Task<TimeSpan> DatabaseOnlyAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = dataDirectory }, NullLogger.Instance, cancellationToken);
        await DatabaseMigrator.MigrateAsync(postgres.ConnectionString, NullLogger.Instance, cancellationToken);
        var elapsed = stopwatch.Elapsed;
        await postgres.DisposeAsync();
        Log.Line($"  database alone on {Path.GetFileName(dataDirectory)}: {elapsed.TotalMilliseconds:0} ms");
        return elapsed;
    }

    private static double Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Select(v => v.TotalMilliseconds).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record HostStart(TimeSpan ReadyLine, TimeSpan Serving, long Reported, long ResidentBytes);
}
