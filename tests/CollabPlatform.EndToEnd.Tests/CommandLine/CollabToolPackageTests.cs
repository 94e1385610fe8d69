using CollabPlatform.EndToEnd.Tests.Clients;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>
/// <c>collab</c> as a dotnet tool: this build is packed (<c>dotnet pack --no-build</c>), installed
/// from that folder alone into a temporary tool path, and run from there.
/// </summary>
public sealed class CollabToolPackageTests
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Tool_PackedAndInstalledFromALocalFolder_RunsHelpAndPrintsItsCompletionScript()
    {
        var work = Directory.CreateTempSubdirectory("collab-tool-").FullName;
        try
        {
            var packages = Path.Combine(work, "packages");
            var tools = Path.Combine(work, "tools");
            // Only the local folder as a source, and a packages folder of its own, so the tool installed
            // is the one just packed (never a copy cached by an earlier run) and nothing is downloaded.
            var config = Path.Combine(work, "nuget.config");
            await File.WriteAllTextAsync(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{packages}" />
                  </packageSources>
                </configuration>
                """);
            var environment = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Path.Combine(work, "nuget"),
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            };
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
            var project = Path.Combine(ClientRuntimes.Root, "src", "CollabPlatform.Cli", "CollabPlatform.Cli.csproj");

            var pack = await ChildProcess.RunAsync("dotnet", ["pack", project, "--no-build", "-c", configuration, "-o", packages, "-nodeReuse:false"], StepLimit, work, environment);
            Assert.True(pack.ExitCode == 0 && !pack.TimedOut, $"pack: {pack.Describe()}");
            Assert.Single(Directory.GetFiles(packages, "CollabPlatform.Cli.*.nupkg"));

            var install = await ChildProcess.RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "CollabPlatform.Cli"], StepLimit, work, environment);
            Assert.True(install.ExitCode == 0 && !install.TimedOut, $"install: {install.Describe()}");

            var collab = Path.Combine(tools, "collab");
            var help = await ChildProcess.RunAsync(collab, ["--help"], StepLimit, work);
            var completion = await ChildProcess.RunAsync(collab, ["completion", "bash"], StepLimit, work);

            Assert.True(help.ExitCode == 0, $"collab --help: {help.Describe()}");
            Assert.Contains("Usage:\n  collab [command] [options]", help.Output, StringComparison.Ordinal);
            foreach (var command in new[] { "partnerships", "token", "watch", "completion" })
            {
                Assert.Contains($"\n  {command} ", help.Output, StringComparison.Ordinal);
            }

            Assert.True(completion.ExitCode == 0, $"collab completion bash: {completion.Describe()}");
            Assert.Contains("complete -o default -F _collab_complete collab", completion.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
