namespace CollabPlatform.Benchmarks.Harness;

/// <summary>How a run was asked for on the command line.</summary>
internal sealed record BenchOptions
{
    /// <summary>
    /// Small sizes and short windows, to check that every scenario works end to end in a minute or
    /// two; its numbers mean nothing and are not written to <c>bench/results</c>.
    /// </summary>
    public bool Quick { get; init; }

    /// <summary>Where results go; <c>bench/results</c> of the repository by default.</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>Another build of <c>CollabPlatform.Host.dll</c> to measure (<c>--host</c>); null: this repository's.</summary>
    public string? HostAssembly { get; init; }

    /// <summary>
    /// How long each scenario keeps its Host running after measuring (<c>--hold</c>), to attach
    /// dotnet-trace or dotnet-gcdump to it.
    /// </summary>
    public TimeSpan Hold { get; init; }

    /// <summary>Picks the full-size or the quick value.</summary>
    public T Size<T>(T full, T quick) => Quick ? quick : full;
}
