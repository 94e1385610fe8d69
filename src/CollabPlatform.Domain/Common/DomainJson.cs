using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollabPlatform.Domain.Common;

/// <summary>
/// The one JSON shape of domain events in the ledger. Events are stored forever, so what this
/// writes must stay readable: enum members and <c>$type</c> discriminators are never renamed.
/// </summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // PostgreSQL jsonb reorders object keys (shorter keys first), so "$type" is not
            // guaranteed to come back as the first property.
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new RegionIdJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
