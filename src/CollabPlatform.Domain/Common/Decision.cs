namespace CollabPlatform.Domain.Common;

/// <summary>
/// The outcome of a command: the events to append (possibly none, e.g. a deadline check that finds
/// nothing due) or a rejection. Never both.
/// </summary>
public sealed class Decision<TEvent>
{
    private Decision(IReadOnlyList<TEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    /// <summary>True when the command was accepted; <see cref="Events"/> may still be empty.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>The accepted events in order; empty when rejected.</summary>
    public IReadOnlyList<TEvent> Events { get; }

    /// <summary>Why the command was refused, or null when accepted.</summary>
    public Rejection? Rejection { get; }

    public static Decision<TEvent> Accept(params IReadOnlyList<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new Decision<TEvent>([.. events], null);
    }

    public static Decision<TEvent> Reject(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new Decision<TEvent>([], rejection);
    }

    public override string ToString() =>
        Rejection is { } r ? $"Rejected {r.Kind}: {r.Reason}" : $"Accepted {Events.Count} event(s)";
}
