using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Cli.Seed;

/// <summary>Small builders for the proto values the stories are made of.</summary>
internal static class StoryValues
{
    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Person Local(string name, string? title = null, string? organisation = null) => new()
    {
        Name = name,
        Title = title ?? string.Empty,
        Organisation = organisation ?? string.Empty,
        Side = PartySide.Local,
    };

    public static Person Foreign(string name, string? title = null, string? organisation = null) => new()
    {
        Name = name,
        Title = title ?? string.Empty,
        Organisation = organisation ?? string.Empty,
        Side = PartySide.Foreign,
    };

    public static NextStep Step(string description, Google.Type.Date? target = null) => new()
    {
        Description = description,
        TargetDate = target,
    };
}
