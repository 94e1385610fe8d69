using System.CommandLine;
using CollabPlatform.Cli;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>Runs the <c>collab</c> command line in-process and captures what it prints.</summary>
internal static class CliRun
{
    // Every client command of this assembly mints its tokens with the run's key (TestIdentity), as
    // it would with the development key of a Host started in the working folder.
    static CliRun() => Environment.SetEnvironmentVariable("COLLAB_KEY_FILE", Infrastructure.TestIdentity.KeyFile);

    public static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CollabCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
