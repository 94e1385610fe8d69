using System.Collections.Immutable;

namespace CollabPlatform.Grains.Abstractions;

/// <summary>
/// An event-sourced aggregate as its grain holds it: the events in order. Callers fold them with the
/// domain's <c>FromHistory</c>, so the view they get is exactly the one the grain decides on.
/// </summary>
/// <param name="Id">The domain id (not the grain key).</param>
/// <param name="Events">Every event of the aggregate, oldest first; the version is their count.</param>
[GenerateSerializer, Immutable, Alias("collab.AggregateSnapshot`1")]
public sealed record AggregateSnapshot<TEvent>(
    [property: Id(0)] string Id,
    [property: Id(1)] ImmutableArray<TEvent> Events)
{
    public long Version => Events.Length;
}
