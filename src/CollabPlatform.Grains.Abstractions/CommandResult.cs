using CollabPlatform.Domain.Common;

namespace CollabPlatform.Grains.Abstractions;

/// <summary>The answer to a command: the aggregate after it, or why it was refused.</summary>
/// <param name="Rejection">Why nothing changed, or null when the command was accepted.</param>
/// <param name="Snapshot">The aggregate after the change (for a retry: after the first, original change).</param>
/// <param name="Replayed">True when this answers a retry of a request that was already applied.</param>
[GenerateSerializer, Immutable, Alias("collab.CommandResult`1")]
public sealed record CommandResult<TSnapshot>(
    [property: Id(0)] Rejection? Rejection,
    [property: Id(1)] TSnapshot? Snapshot,
    [property: Id(2)] bool Replayed = false)
    where TSnapshot : class
{
    public bool IsAccepted => Rejection is null;

    public static CommandResult<TSnapshot> Accepted(TSnapshot snapshot, bool replayed = false) => new(null, snapshot, replayed);

    public static CommandResult<TSnapshot> Rejected(Rejection rejection) => new(rejection, null);
}
