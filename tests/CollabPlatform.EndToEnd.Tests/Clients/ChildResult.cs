namespace CollabPlatform.EndToEnd.Tests.Clients;

/// <summary>How a child process ended and everything it printed.</summary>
public sealed record ChildResult(string Command, int ExitCode, string Output, string Error, bool TimedOut)
{
    /// <summary>The whole run, for a failure message.</summary>
    public string Describe() =>
        $"{Command}: {(TimedOut ? "killed after its time limit" : $"exit code {ExitCode}")}\n--- stdout\n{Output}--- stderr\n{Error}";
}
