using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace CollabPlatform.Domain.Common;

/// <summary>
/// The stable name of an event type, taken from its <c>[JsonDerivedType]</c> discriminator so that
/// history entries, the ledger and the feeds all use one spelling.
/// </summary>
public static class EventTypeNames
{
    private static readonly ConcurrentDictionary<(Type Base, Type Event), string> Cache = new();

    /// <summary>The discriminator of <paramref name="eventType"/> as declared on <typeparamref name="TBase"/>.</summary>
    public static string Of<TBase>(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return Cache.GetOrAdd((typeof(TBase), eventType), static key =>
            key.Base.GetCustomAttributes<JsonDerivedTypeAttribute>()
                .FirstOrDefault(a => a.DerivedType == key.Event)?.TypeDiscriminator as string
            ?? throw new InvalidOperationException($"{key.Event.Name} has no [JsonDerivedType] discriminator on {key.Base.Name}"));
    }

    /// <summary>Every discriminator declared on <typeparamref name="TBase"/>, by event type.</summary>
    public static IReadOnlyDictionary<Type, string> All<TBase>() =>
        typeof(TBase).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);
}
