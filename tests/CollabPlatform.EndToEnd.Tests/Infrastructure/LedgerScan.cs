using System.Globalization;
using CollabPlatform.Persistence.Ledger;
using Npgsql;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The ledger read straight from PostgreSQL, independently of the server's feed code: what a feed
/// must have delivered is compared with this.
/// </summary>
internal static class LedgerScan
{
    /// <summary>One committed event: its position, partnership and type as stored.</summary>
    public sealed record Row(LedgerCursor Cursor, string PartnershipId, string EventType);

    /// <summary>
    /// Every committed event that <paramref name="scope"/> may see, in (transaction, position) order,
    /// after <paramref name="after"/> and up to <paramref name="through"/>. Call it when no write is in
    /// flight, or limit it to a cursor the feed already passed.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> ScopeAsync(string connectionString, string scope, LedgerCursor after, LedgerCursor through)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT tx_id::text, position, coalesce(partnership_id, ''), event_type FROM collab_ledger WHERE jurisdictions @> ARRAY[$1]");
        command.Parameters.AddWithValue(scope);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var cursor = new LedgerCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
            if (cursor > after && cursor <= through)
            {
                rows.Add(new Row(cursor, reader.GetString(2), reader.GetString(3)));
            }
        }

        // Sorted here rather than in SQL, so the order is not the one the server's query relies on.
        rows.Sort((a, b) => a.Cursor.CompareTo(b.Cursor));
        return rows;
    }

    /// <summary>The position of the newest committed event; the start when the ledger is empty.</summary>
    public static async Task<LedgerCursor> HeadAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT tx_id::text, position FROM collab_ledger");
        var head = LedgerCursor.Start;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var cursor = new LedgerCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
            head = cursor > head ? cursor : head;
        }

        return head;
    }
}
