namespace CollabPlatform.Cli.Seed;

/// <summary>
/// Request ids of one run of the stories. The seed command uses a fixed prefix, so running it again
/// replays every request and changes nothing; tests use a prefix of their own per run.
/// </summary>
/// <param name="Prefix">Short prefix, e.g. <c>seed-v1</c>; with the step name it stays within the 64 characters the API allows.</param>
internal sealed record RequestIds(string Prefix)
{
    /// <summary>The prefix of <c>collab seed</c>; changing it would load the stories a second time.</summary>
    public static readonly RequestIds Seed = new("seed-v1");

    /// <summary>A prefix nobody used before, for tests.</summary>
    public static RequestIds Unique(string label) => new($"{label}-{Guid.NewGuid():N}"[..Math.Min(label.Length + 13, 40)]);

    /// <summary>The request id of one step, e.g. <c>seed-v1/klaten/propose</c>.</summary>
    public string For(string step) => $"{Prefix}/{step}";
}
