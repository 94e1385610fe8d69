namespace CollabPlatform.Domain.Common;

/// <summary>Who asks for a change and when; the only source of "now" a decision may use.</summary>
/// <param name="Actor">The authenticated caller (user or system), recorded on every event.</param>
/// <param name="Now">The instant of the decision, from the caller's TimeProvider.</param>
public sealed record CommandContext(string Actor, DateTimeOffset Now)
{
    /// <summary>Today's calendar date in UTC; dates in commands are compared against it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}
