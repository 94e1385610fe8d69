namespace CollabPlatform.Persistence.ReadModels;

/// <summary>Turns the rows of a keyset query that asked for one row more than a page into a page and its token.</summary>
internal static class KeysetPaging
{
    public static Page<T> PageOf<T>(List<T> rows, int pageSize, string filterKey, Func<T, IReadOnlyList<string>> key)
    {
        if (rows.Count <= pageSize)
        {
            return new Page<T>(rows, string.Empty);
        }

        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, PageToken.Encode(filterKey, key(rows[^1])));
    }
}
