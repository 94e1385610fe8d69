using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace CollabPlatform.Api.Validation;

/// <summary>The names a client writes for proto enum values (<c>PARTNERSHIP_STAGE_SIGNED</c>), for messages.</summary>
internal static class ProtoEnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Cache.GetOrAdd(value, static v =>
            v.GetType().GetField(v.ToString(), BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<OriginalNameAttribute>()?.Name
            ?? v.ToString());
}
