namespace CollabPlatform.Domain.Common;

/// <summary>Builds <see cref="ValueList{T}"/>s; also the target of collection expressions (<c>[a, b]</c>).</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);

    public static ValueList<T> From<T>(IEnumerable<T>? items) => items switch
    {
        null => ValueList<T>.Empty,
        ValueList<T> list => list,
        _ => new ValueList<T>([.. items]),
    };
}
