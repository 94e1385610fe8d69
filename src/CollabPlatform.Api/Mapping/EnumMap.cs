using System.Collections.Frozen;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace CollabPlatform.Api.Mapping;

/// <summary>
/// Pairs a domain enum with its proto enum by name (<c>LetterOfIntent</c> with
/// <c>PARTNERSHIP_STAGE_LETTER_OF_INTENT</c>), so neither side's numbering matters. Built once per
/// pair; a domain value without a proto counterpart fails at first use, and the mapping tests use
/// every value.
/// </summary>
internal static class EnumMap<TDomain, TProto>
    where TDomain : struct, Enum
    where TProto : struct, Enum
{
    private static readonly FrozenDictionary<TDomain, TProto> ToProtoMap = Build();
    private static readonly FrozenDictionary<TProto, TDomain> ToDomainMap = ToProtoMap.ToFrozenDictionary(p => p.Value, p => p.Key);

    public static TProto ToProto(TDomain value) =>
        ToProtoMap.TryGetValue(value, out var proto)
            ? proto
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TDomain).Name}.{value} has no {typeof(TProto).Name} counterpart");

    /// <summary>False for <c>*_UNSPECIFIED</c> and for numbers the contract does not define.</summary>
    public static bool TryToDomain(TProto value, out TDomain domain) => ToDomainMap.TryGetValue(value, out domain);

    public static TDomain ToDomain(TProto value) =>
        TryToDomain(value, out var domain)
            ? domain
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TProto).Name} {value} has no {typeof(TDomain).Name} counterpart; validate requests before mapping them");

    private static FrozenDictionary<TDomain, TProto> Build()
    {
        var protoByName = new Dictionary<string, TProto>(StringComparer.Ordinal);
        foreach (var field in typeof(TProto).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var original = field.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? field.Name;
            protoByName[Normalize(StripPrefix(original))] = (TProto)field.GetValue(null)!;
        }

        var map = new Dictionary<TDomain, TProto>();
        foreach (var value in Enum.GetValues<TDomain>())
        {
            if (!protoByName.TryGetValue(Normalize(value.ToString()), out var proto))
            {
                throw new InvalidOperationException($"{typeof(TDomain).Name}.{value} has no value of the same name in {typeof(TProto).Name}");
            }

            map[value] = proto;
        }

        return map.ToFrozenDictionary();
    }

    // PARTNERSHIP_STAGE_LETTER_OF_INTENT -> LETTER_OF_INTENT: the prefix is the enum's own name in
    // upper snake case, which every value of a buf-linted enum carries.
    private static string StripPrefix(string name)
    {
        var prefix = string.Concat(typeof(TProto).Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant() + "_";
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
