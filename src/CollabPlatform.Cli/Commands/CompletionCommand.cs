using System.CommandLine;

namespace CollabPlatform.Cli.Commands;

/// <summary>
/// <c>collab completion bash|zsh|fish</c>: prints a script that makes the shell complete
/// <c>collab</c> command lines, e.g. <c>source &lt;(collab completion bash)</c>. Each script asks
/// the command itself through System.CommandLine's <c>[suggest:N]</c> directive, so it never
/// falls behind the command tree.
/// </summary>
internal static class CompletionCommand
{
    /// <summary>The shells a script exists for.</summary>
    public static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "the shell to complete in: bash, zsh or fish" };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion", "Print a shell completion script: source <(collab completion bash), or zsh; fish: collab completion fish | source")
        {
            shell,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await parseResult.InvocationConfiguration.Output.WriteAsync(Script(parseResult.GetValue(shell)!).AsMemory(), cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The completion script for <paramref name="shell"/> (one of <see cref="Shells"/>).</summary>
    public static string Script(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "expected bash, zsh or fish"),
    };

    // The line up to the cursor goes to `collab [suggest:<its length>] "<line>"`, which prints one
    // candidate per line. Bash splits COMP_WORDS at '=' and ':' too, so COMP_LINE is preferred;
    // the words are the fallback when a caller sets only COMP_WORDS and COMP_CWORD. The directive
    // matches anywhere in a name ("l" finds --help), bash wants the words that start with it.
    private const string Bash = """
        # bash completion for collab: source <(collab completion bash)
        _collab_complete() {
            local line
            if [[ -n "${COMP_LINE-}" ]]; then
                line="${COMP_LINE:0:${COMP_POINT:-${#COMP_LINE}}}"
            else
                local IFS=' '
                line="${COMP_WORDS[*]:0:COMP_CWORD+1}"
            fi
            local current="${line##* }" candidate
            COMPREPLY=()
            while IFS= read -r candidate; do
                [[ -n "$candidate" && "$candidate" == "$current"* ]] && COMPREPLY+=("$candidate")
            done < <(collab "[suggest:${#line}]" "$line" 2>/dev/null)
        }
        complete -o default -F _collab_complete collab

        """;

    private const string Zsh = """
        #compdef collab
        # zsh completion for collab: source <(collab completion zsh), after compinit
        _collab_complete() {
            local line="${(j: :)words[1,CURRENT]}"
            local -a candidates
            candidates=("${(@f)$(collab "[suggest:${#line}]" "$line" 2>/dev/null)}")
            candidates=(${candidates:#})
            compadd -- "${candidates[@]}"
        }
        compdef _collab_complete collab

        """;

    private const string Fish = """
        # fish completion for collab: collab completion fish | source
        function __collab_complete
            set -l line (commandline -cp)
            collab "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c collab -f -a '(__collab_complete)'

        """;
}
