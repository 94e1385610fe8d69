using System.Globalization;

namespace CollabPlatform.Persistence.ReadModels;

/// <summary>
/// Where a list sorted by creation resumes: after the row created at <see cref="CreatedAt"/> with
/// id <see cref="Id"/>. Ids are derived from request ids (so that retries land on the same grain)
/// and do not follow creation order themselves, hence the pair.
/// </summary>
public readonly record struct ListPosition(DateTimeOffset CreatedAt, string Id)
{
    internal IReadOnlyList<string> ToKey() =>
        [((CreatedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond).ToString(CultureInfo.InvariantCulture), Id];

    /// <summary>Reads the position out of a page token for a list under <paramref name="filterKey"/>; null for the first page.</summary>
    internal static bool TryRead(string? token, string filterKey, out ListPosition? position, out string? error)
    {
        position = null;
        if (!PageToken.TryDecode(token, filterKey, 2, out var key, out error))
        {
            return false;
        }

        if (key is null)
        {
            return true;
        }

        if (!long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out var micros) || micros >= MaxMicros || key[1].Length == 0)
        {
            error = "page_token does not hold a list position; pass next_page_token from the previous response unchanged";
            return false;
        }

        position = new ListPosition(DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond), key[1]);
        return true;
    }

    // 9999-12-31, the last instant DateTimeOffset can hold, in microseconds after 1970.
    private const long MaxMicros = 253402300800000000;
}
