using System.Text.Json;
using System.Text.Json.Serialization;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Common;

/// <summary>
/// Stores a <see cref="RegionId"/> as its canonical text ("ID-33.10"). RegionId has no public
/// constructor, so the serializer cannot build it unaided; the text form is also what people read
/// in the ledger.
/// </summary>
public sealed class RegionIdJsonConverter : JsonConverter<RegionId>
{
    public override RegionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return RegionId.TryParse(text, out var id, out var error) ? id : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, RegionId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
