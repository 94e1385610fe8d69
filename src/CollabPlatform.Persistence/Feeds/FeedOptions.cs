namespace CollabPlatform.Persistence.Feeds;

/// <summary>How agreement feeds read the ledger and serve their watchers; one set per process.</summary>
public sealed class FeedOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Collab:Feeds";

    /// <summary>How long a feed may stay silent before it sends a heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most live events one watcher may have buffered. A watcher that falls this far behind
    /// leaves the live fan-out and reads the ledger at its own pace until it has caught up.
    /// </summary>
    public int ChannelCapacity { get; set; } = 1024;

    /// <summary>How many events a watcher reads per query while it catches up from the ledger.</summary>
    public int CatchUpBatchSize { get; set; } = 256;

    /// <summary>How many events the process's tailer reads per query.</summary>
    public int TailBatchSize { get; set; } = 1000;

    /// <summary>
    /// How often the tailer reads the ledger without being notified; the fallback for notifications
    /// lost while its listening connection was down.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one of our own ledger writers may hold the feed horizon (stay in its transaction
    /// while later commits wait behind it) before the tailer logs a warning naming it.
    /// </summary>
    public TimeSpan HorizonHoldWarning { get; set; } = TimeSpan.FromSeconds(5);
}
