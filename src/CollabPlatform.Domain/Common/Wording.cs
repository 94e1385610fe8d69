namespace CollabPlatform.Domain.Common;

/// <summary>Small helpers that keep rejection reasons in plain English.</summary>
internal static class Wording
{
    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List<T>(IEnumerable<T> items)
    {
        var texts = items.Select(i => i?.ToString() ?? string.Empty).ToList();
        return texts.Count switch
        {
            0 => string.Empty,
            1 => texts[0],
            _ => string.Join(", ", texts.Take(texts.Count - 1)) + " and " + texts[^1],
        };
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
