namespace CollabPlatform.Persistence.Embedded;

/// <summary>How a PostgreSQL tool ended, with what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line a tool printed about its failure, for one-sentence error messages.</summary>
    public string FirstErrorLine()
    {
        var text = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line ?? $"exit code {ExitCode}";
    }
}
