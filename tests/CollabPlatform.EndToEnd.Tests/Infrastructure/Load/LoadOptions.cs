namespace CollabPlatform.EndToEnd.Tests.Infrastructure.Load;

/// <summary>How much load, and its bounds in count and time.</summary>
internal sealed record LoadOptions
{
    /// <summary>Concurrent client loops; each waits for one write's answer before sending the next.</summary>
    public int Loops { get; init; } = 6;

    /// <summary>Partnerships each loop proposes first and then records meetings on, in turn.</summary>
    public int PartnershipsPerLoop { get; init; } = 4;

    /// <summary>
    /// After its first partnerships, a loop proposes another one every this many writes, so that
    /// grains are also activated (and their ledger streams read) while a fault is on.
    /// </summary>
    public int ProposeEvery { get; init; } = 8;

    /// <summary>
    /// The most partnerships one loop proposes: it keeps returning to each of them, so that a grain
    /// hit by a fault is called again soon after.
    /// </summary>
    public int MaxPartnershipsPerLoop { get; init; } = 12;

    /// <summary>The most writes one loop starts.</summary>
    public int MaxWritesPerLoop { get; init; } = 2_000;

    /// <summary>The most attempts one write gets, all with its one request_id.</summary>
    public int MaxAttemptsPerWrite { get; init; } = 400;

    /// <summary>Hard end of the whole load, draining included: nothing runs longer.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Deadline of one attempt: generous, so that a slow answer on a busy machine is not taken for
    /// a failure; a replica that is gone fails at once anyway.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause before a failed write is tried again (on the next replica).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a replica that could not be reached is left out of the rotation.</summary>
    public TimeSpan AvoidUnreachableFor { get; init; } = TimeSpan.FromSeconds(1);
}
