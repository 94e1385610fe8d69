namespace CollabPlatform.Benchmarks.Harness;

/// <summary>One process's use of the machine over a measured window.</summary>
/// <param name="Name">host, postgres or client.</param>
/// <param name="Cores">CPU seconds per wall-clock second (1.0 = one core busy all the time).</param>
/// <param name="PeakResidentBytes">Highest resident memory seen.</param>
/// <param name="EndResidentBytes">Resident memory at the end.</param>
/// <param name="CpuSeconds">CPU time used over the window.</param>
internal sealed record ResourceUsage(string Name, double Cores, long PeakResidentBytes, long EndResidentBytes, double CpuSeconds);
