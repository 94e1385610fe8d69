namespace CollabPlatform.Domain.Common;

/// <summary>Converts calendar dates to the instants at which timers fire.</summary>
internal static class DateInstants
{
    /// <summary>
    /// The first instant after <paramref name="date"/> has ended in UTC. A document valid "until
    /// 2030-06-24" is still valid on that whole day.
    /// </summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly date) =>
        new(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
