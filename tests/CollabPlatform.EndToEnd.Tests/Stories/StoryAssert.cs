using CollabPlatform.Contracts.V1;

namespace CollabPlatform.EndToEnd.Tests.Stories;

/// <summary>Comparisons the story tests share.</summary>
internal static class StoryAssert
{
    public static void SameDate(int year, int month, int day, Google.Type.Date? actual, string what)
    {
        Assert.True(actual is not null, $"{what}: no date");
        Assert.True(
            actual!.Year == year && actual.Month == month && actual.Day == day,
            $"{what}: expected {year:0000}-{month:00}-{day:00}, got {actual.Year:0000}-{actual.Month:00}-{actual.Day:00}");
    }

    /// <summary>The history is complete, gap-free and oldest first: sequence n is version n.</summary>
    public static void HistoryIsGapFree(Partnership partnership)
    {
        Assert.Equal(Enumerable.Range(1, (int)partnership.Version).Select(i => (long)i), partnership.History.Select(h => h.Sequence));
    }

    public static IEnumerable<PartnershipEventType> EventTypes(Partnership partnership) => partnership.History.Select(h => h.EventType);
}
