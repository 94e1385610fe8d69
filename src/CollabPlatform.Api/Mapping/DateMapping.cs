using Google.Protobuf.WellKnownTypes;

namespace CollabPlatform.Api.Mapping;

/// <summary>Calendar dates and instants between the domain and the contract.</summary>
internal static class DateMapping
{
    public static Google.Type.Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Google.Type.Date? ToProto(this DateOnly? date) => date?.ToProto();

    public static Timestamp ToProto(this DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    /// <summary>A validated, complete date; validation has refused every other.</summary>
    public static DateOnly ToDomain(this Google.Type.Date date) => new(date.Year, date.Month, date.Day);

    public static DateOnly? ToDomainOrNull(this Google.Type.Date? date) => date?.ToDomain();
}
