namespace CollabPlatform.Grains.Deadlines;

/// <summary>How expiry and reporting deadlines are watched.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Collab:Deadlines";

    /// <summary>
    /// The reminder period. A deadline further away than this is approached one period at a time
    /// (reminders are not meant for due times months ahead); a closer one is scheduled exactly.
    /// </summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromHours(24);
}
