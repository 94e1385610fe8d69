using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CollabPlatform.Browser.Tests.Infrastructure;

/// <summary>
/// Runs one scenario of <c>dashboard-check.mjs</c> (playwright-core driving headless Chromium)
/// and hands back the JSON it reports. A missing Chromium or node_modules is a failure that says
/// what to install, never a silent skip.
/// </summary>
internal static class DashboardDriver
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    /// <summary>Where screenshots go: <c>docs/</c> when COLLAB_DOCS_SCREENSHOTS=1, else the test output.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("COLLAB_DOCS_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryPaths.Root, "docs")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>
    /// Runs <paramref name="options"/>' scenario. When the script prints READY, <paramref name="onReady"/>
    /// prepares and returns the line to send back (e.g. <c>GO title</c>) and what to do once it is sent.
    /// </summary>
    public static async Task<JsonElement> RunAsync(object options, Func<Task<(string Line, Func<Task> Then)>>? onReady = null)
    {
        AssertInstalled();
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.BrowserTests,
        };
        info.ArgumentList.Add("dashboard-check.mjs");
        info.ArgumentList.Add(JsonSerializer.Serialize(options));
        info.Environment["CHROMIUM_PATH"] = ChromiumPath;

        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(RunLimit);
        var transcript = new StringBuilder();
        string? result = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                transcript.AppendLine(line);
                if (line == "READY" && onReady is not null)
                {
                    var (answer, then) = await onReady();
                    await process.StandardInput.WriteLineAsync(answer.AsMemory(), limit.Token);
                    await process.StandardInput.FlushAsync(limit.Token);
                    process.StandardInput.Close();
                    await then();
                }
                else if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                {
                    result = line["RESULT ".Length..];
                }
            }

            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the browser scenario did not finish within {RunLimit.TotalSeconds} s:\n{transcript}\n{errors}");
        }

        Assert.True(result is not null, $"the browser scenario reported nothing (exit {process.ExitCode}):\n{transcript}\n{errors}");
        var element = JsonDocument.Parse(result).RootElement.Clone();
        if (!element.GetProperty("ok").GetBoolean())
        {
            Assert.Fail($"the browser scenario failed: {element.GetProperty("error").GetString()}\n{errors}");
        }

        return element;
    }

    private static void AssertInstalled()
    {
        Assert.True(
            File.Exists(ChromiumPath),
            $"{ChromiumPath} is missing: install the Debian package (apt-get install -y chromium); .ci/run does this on a fresh machine");
        var playwright = Path.Combine(RepositoryPaths.BrowserTests, "node_modules", "playwright-core", "package.json");
        Assert.True(
            File.Exists(playwright),
            $"playwright-core is missing: run 'npm ci' in {RepositoryPaths.BrowserTests}; .ci/run does this on a fresh machine");
    }
}
