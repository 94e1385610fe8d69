using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure.Load;

/// <summary>Everything a load run sent and got back.</summary>
/// <param name="Attempts">Every attempt, in the order they ended.</param>
/// <param name="Acknowledged">Every acknowledged write.</param>
/// <param name="Unacknowledged">Request ids of writes that were started but never answered OK.</param>
/// <param name="StoppedAt">When the load was told to stop, on its clock.</param>
/// <param name="Duration">When the last loop ended, on its clock.</param>
internal sealed partial record LoadReport(
    IReadOnlyList<WriteAttempt> Attempts,
    IReadOnlyList<AcknowledgedWrite> Acknowledged,
    IReadOnlyList<string> Unacknowledged,
    TimeSpan StoppedAt,
    TimeSpan Duration)
{
    public IReadOnlyList<WriteAttempt> Failures => [.. Attempts.Where(a => !a.Succeeded)];

    /// <summary>The share of attempts that were answered OK.</summary>
    public double SuccessRate => Attempts.Count == 0 ? 0 : (double)Attempts.Count(a => a.Succeeded) / Attempts.Count;

    /// <summary>Acknowledged writes per second of load.</summary>
    public double Throughput => StoppedAt <= TimeSpan.Zero ? 0 : Acknowledged.Count / StoppedAt.TotalSeconds;

    /// <summary>The <paramref name="percentile"/> (0 to 1) of the time successful attempts took.</summary>
    public TimeSpan Latency(double percentile)
    {
        var durations = Attempts.Where(a => a.Succeeded).Select(a => a.Ended - a.Started).Order().ToList();
        return durations.Count == 0 ? TimeSpan.Zero : durations[(int)Math.Min(durations.Count - 1, Math.Floor(percentile * durations.Count))];
    }

    /// <summary>E.g. <c>UNAVAILABLE 12 (transport 8, server 4); ABORTED 1 (server 1)</c>, or <c>none</c>.</summary>
    public static string ByStatus(IEnumerable<WriteAttempt> failures)
    {
        var groups = failures.GroupBy(f => f.Status).OrderByDescending(g => g.Count()).ToList();
        return groups.Count == 0
            ? "none"
            : string.Join("; ", groups.Select(g =>
                $"{Name(g.Key)} {g.Count()} ({string.Join(", ", g.GroupBy(f => f.Origin).Select(o => $"{o.Key.ToString().ToLowerInvariant()} {o.Count()}"))})"));
    }

    /// <summary>E.g. <c>r0 310/2, r1 305/0</c>: attempts and failures per replica.</summary>
    public string ByReplica(int replicas) =>
        string.Join(", ", Enumerable.Range(0, replicas).Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"r{r} {Attempts.Count(a => a.Replica == r)}/{Attempts.Count(a => a.Replica == r && !a.Succeeded)}")));

    /// <summary>The gRPC name of a status code, e.g. <c>UNAVAILABLE</c>.</summary>
    public static string Name(StatusCode code) => code switch
    {
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DataLoss => "DATA_LOSS",
        _ => code.ToString().ToUpperInvariant(),
    };

    /// <summary>A few distinct failure messages per status, for figures and assertion messages.</summary>
    public static string Samples(IEnumerable<WriteAttempt> failures, int perStatus = 2) =>
        string.Join("\n", failures.GroupBy(f => f.Status).SelectMany(g => g.Select(f => f.Detail).Distinct().Take(perStatus).Select(d => $"  {Name(g.Key)}: {d}")));

    /// <summary>The correlation ids INTERNAL answers name, to find the server's log lines about them.</summary>
    public static IReadOnlyList<string> CorrelationIds(IEnumerable<WriteAttempt> failures, int most = 5) =>
        [.. failures.Select(f => CorrelationId().Match(f.Detail)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().Take(most)];

    [GeneratedRegex("correlation id ([0-9a-f]+)")]
    private static partial Regex CorrelationId();
}
