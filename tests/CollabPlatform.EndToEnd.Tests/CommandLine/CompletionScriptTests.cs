using CollabPlatform.EndToEnd.Tests.Clients;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>
/// <c>collab completion bash|zsh|fish</c>: each script is printed, parses in its shell, and, sourced
/// there with <c>collab</c> on PATH, completes <c>collab par</c> to <c>partnerships</c>.
/// </summary>
public sealed class CompletionScriptTests
{
    private static readonly TimeSpan ShellLimit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("bash", "complete -o default -F _collab_complete collab")]
    [InlineData("zsh", "compdef _collab_complete collab")]
    [InlineData("fish", "complete -c collab -f -a '(__collab_complete)'")]
    public async Task Completion_ForEachShell_PrintsAScriptThatRegistersCollabAndAsksTheSuggestDirective(string shell, string registration)
    {
        var result = await CliRun.InvokeAsync("completion", shell);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(registration, result.Output.Split('\n'));
        Assert.Contains("collab \"[suggest:", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Completion_UnknownShell_IsRefusedWithTheShellsItKnows()
    {
        var result = await CliRun.InvokeAsync("completion", "tcsh");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("tcsh", result.Error, StringComparison.Ordinal);
        Assert.Contains("'fish'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("[suggest:", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "-n")]
    [InlineData("zsh", "-n")]
    [InlineData("fish", "--no-execute")]
    public async Task Completion_EachScript_ParsesInItsShell(string shell, string checkOnly)
    {
        using var script = await ScriptFileAsync(shell);

        var result = await ChildProcess.RunAsync(Shell(shell), [checkOnly, script.Path], ShellLimit);

        Assert.True(result.ExitCode == 0 && !result.TimedOut, $"{Missing(shell, result)}{result.Describe()}");
    }

    [Fact]
    public async Task BashCompletion_ForCollabPar_OffersPartnerships()
    {
        // Only COMP_WORDS and COMP_CWORD, as a caller that is not readline sets them.
        var words = await BashAsync("COMP_WORDS=(collab par); COMP_CWORD=1");
        var subcommands = await BashAsync("COMP_WORDS=(collab partnerships ''); COMP_CWORD=2");
        // What readline sets: the line and the cursor, here after an option's first letters.
        var line = await BashAsync("COMP_LINE='collab partnerships list --reg'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(collab partnerships list --reg); COMP_CWORD=3");

        Assert.Equal(["partnerships"], words);
        Assert.Superset(new HashSet<string> { "advance", "list", "show", "--help" }, subcommands.ToHashSet());
        Assert.Equal(["--region"], line);
    }

    [Fact]
    public async Task ZshCompletion_ForCollabPar_OffersPartnerships()
    {
        using var script = await ScriptFileAsync("zsh");
        using var collab = CollabOnPath.Create();
        // compdef and compadd are stood in for (no interactive compinit): what the function hands
        // compadd is what zsh would offer.
        var program = $"compdef() {{ : }}; compadd() {{ print -rl -- \"${{@:2}}\" }}; source '{script.Path}'; words=(collab par); CURRENT=2; _collab_complete";

        var result = await ChildProcess.RunAsync(Shell("zsh"), ["-f", "-c", program], ShellLimit, environment: new Dictionary<string, string> { ["PATH"] = collab.Path });

        Assert.True(result.ExitCode == 0 && !result.TimedOut, $"{Missing("zsh", result)}{result.Describe()}");
        Assert.Equal(["partnerships"], Lines(result.Output));
    }

    [Fact]
    public async Task FishCompletion_ForCollabPar_OffersPartnerships()
    {
        using var script = await ScriptFileAsync("fish");
        using var collab = CollabOnPath.Create();

        var result = await ChildProcess.RunAsync(
            Shell("fish"),
            ["--no-config", "-c", $"source '{script.Path}'; complete -C 'collab par'"],
            ShellLimit,
            environment: new Dictionary<string, string> { ["PATH"] = collab.Path });

        Assert.True(result.ExitCode == 0 && !result.TimedOut, $"{Missing("fish", result)}{result.Describe()}");
        Assert.Equal(["partnerships"], Lines(result.Output).Select(l => l.Split('\t')[0]));
    }

    private static async Task<string[]> BashAsync(string setUp)
    {
        using var script = await ScriptFileAsync("bash");
        using var collab = CollabOnPath.Create();
        var program = $"source '{script.Path}' && {setUp} && _collab_complete && printf '%s\\n' \"${{COMPREPLY[@]}}\"";

        var result = await ChildProcess.RunAsync(Shell("bash"), ["--norc", "--noprofile", "-c", program], ShellLimit, environment: new Dictionary<string, string> { ["PATH"] = collab.Path });

        Assert.True(result.ExitCode == 0 && !result.TimedOut, result.Describe());
        return Lines(result.Output);
    }

    private static async Task<TempScript> ScriptFileAsync(string shell)
    {
        var printed = await CliRun.InvokeAsync("completion", shell);
        Assert.True(printed.ExitCode == 0, printed.Error);
        return TempScript.Write(printed.Output, "." + shell);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // Debian's paths, where .ci/run installs zsh and fish; bash is always there.
    private static string Shell(string shell) => File.Exists($"/usr/bin/{shell}") ? $"/usr/bin/{shell}" : shell;

    private static string Missing(string shell, ChildResult result) =>
        result.ExitCode == -1 && result.Error.StartsWith("could not start", StringComparison.Ordinal)
            ? $"{shell} is not installed: apt-get install -y {shell}; .ci/run does this on a fresh machine\n"
            : string.Empty;
}
