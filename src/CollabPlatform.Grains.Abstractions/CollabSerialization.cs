using CollabPlatform.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;

namespace CollabPlatform.Grains.Abstractions;

/// <summary>
/// How grain calls carry domain records. The domain is plain C# without Orleans attributes, so its
/// commands, events and rejections cross the wire as JSON, in the same shape the ledger stores.
/// Silos and every client must register this.
/// </summary>
public static class CollabSerialization
{
    public static ISerializerBuilder AddCollabSerialization(this ISerializerBuilder serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        serializer.AddJsonSerializer(IsDomainType, DomainJson.Options);
        // Only our own domain assembly is trusted for type names arriving on the wire.
        serializer.Services.Configure<TypeManifestOptions>(o => o.AddAllowedAssembly(typeof(DomainJson).Assembly));
        return serializer;
    }

    public static bool IsDomainType(Type type) =>
        type.Namespace?.StartsWith("CollabPlatform.Domain", StringComparison.Ordinal) == true;
}
