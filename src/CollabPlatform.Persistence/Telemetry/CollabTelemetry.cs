using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CollabPlatform.Persistence.Telemetry;

/// <summary>
/// The project's own traces and metrics. Every layer records through these, so an operator
/// subscribes to one meter and one activity source named <see cref="Name"/>.
/// </summary>
public static class CollabTelemetry
{
    public const string Name = "CollabPlatform";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Time to commit one change with its events and read-model row.</summary>
    public static Histogram<double> LedgerAppendDuration { get; } =
        Meter.CreateHistogram<double>("collab.ledger.append.duration", "ms", "Time to commit one accepted change and its events to the ledger");

    /// <summary>Commands decided by grains, tagged by aggregate, command and outcome.</summary>
    public static Counter<long> Mutations { get; } =
        Meter.CreateCounter<long>("collab.mutations", "{command}", "Commands decided, by aggregate, command and outcome (accepted or the rejection kind)");

    /// <summary>Open agreement feeds (WatchAgreements streams) on this replica.</summary>
    public static UpDownCounter<long> FeedWatchers { get; } =
        Meter.CreateUpDownCounter<long>("collab.feed.watchers", "{stream}", "Open agreement feeds on this replica");

    /// <summary>Time from an event's commit until a watcher received it.</summary>
    public static Histogram<double> FeedLag { get; } =
        Meter.CreateHistogram<double>("collab.feed.lag", "ms", "Time from an event's commit to its delivery to a watcher");

    /// <summary>
    /// How long the ledger writer at the feed horizon has been in its transaction (0 when no writer
    /// holds it), tagged with the database; commits behind it wait that long. Sampled each second.
    /// </summary>
    public static Gauge<double> FeedHorizonLag { get; } =
        Meter.CreateGauge<double>("collab.feed.horizon.lag", "s", "How long the open ledger writer at the feed horizon has held later commits back");
}
