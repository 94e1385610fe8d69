using System.Globalization;
using CollabPlatform.Persistence.Ledger;
using Npgsql;

namespace CollabPlatform.Persistence.ReadModels;

/// <summary>
/// Reads of the ledger for the API that the grains do not serve: many streams at once (one query
/// for a page of a list instead of one grain activation per row), the newest events of a scope, and
/// the feed horizon.
/// </summary>
public sealed class LedgerQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = EventLedger.SelectColumns;

    /// <summary>
    /// Every event of the given streams (only those of <paramref name="eventTypes"/> when it is not
    /// empty), by stream and oldest first. A stream without events is absent from the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StoredLedgerEvent>>> ReadStreamsAsync(
        IReadOnlyCollection<string> streamIds, IReadOnlyCollection<string> eventTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streamIds);
        ArgumentNullException.ThrowIfNull(eventTypes);
        var streams = new Dictionary<string, IReadOnlyList<StoredLedgerEvent>>(StringComparer.Ordinal);
        if (streamIds.Count == 0)
        {
            return streams;
        }

        await using var command = dataSource.CreateCommand(Columns + """
             WHERE stream_id = ANY($1) AND (cardinality($2::text[]) = 0 OR event_type = ANY($2))
             ORDER BY stream_id, stream_version
            """);
        command.Parameters.Add(SqlParameters.TextArray(streamIds));
        command.Parameters.Add(SqlParameters.TextArray(eventTypes));
        foreach (var group in (await ReadAsync(command, cancellationToken)).GroupBy(e => e.StreamId, StringComparer.Ordinal))
        {
            streams[group.Key] = [.. group];
        }

        return streams;
    }

    /// <summary>The newest <paramref name="limit"/> events a jurisdiction sees, newest first.</summary>
    public async Task<IReadOnlyList<StoredLedgerEvent>> LatestAsync(string jurisdiction, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand(Columns + """
             WHERE jurisdictions @> ARRAY[$1::text]
             ORDER BY collab_ledger.tx_id DESC, collab_ledger.position DESC
             LIMIT $2
            """);
        command.Parameters.Add(SqlParameters.Text(jurisdiction));
        command.Parameters.Add(SqlParameters.Integer(limit));
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="cursor"/> is the start or the position of a committed event: every
    /// cursor the API hands out (events, heartbeats, dashboards) is one of those, and the ledger is
    /// append-only, so anything else was never issued.
    /// </summary>
    public async Task<bool> IsPositionAsync(LedgerCursor cursor, CancellationToken cancellationToken)
    {
        if (cursor == LedgerCursor.Start)
        {
            return true;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM collab_ledger WHERE position = $2 AND tx_id = $1::text::xid8)");
        command.Parameters.Add(SqlParameters.Text(cursor.TransactionId.ToString(CultureInfo.InvariantCulture)));
        command.Parameters.Add(SqlParameters.BigInt(cursor.Position));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The last position of the feed's total order below which every transaction has finished: the
    /// cursor of the newest event a feed reader may already have seen. A reader that resumes from
    /// it misses nothing committed later (see <see cref="EventLedger.ReadAllAsync"/>).
    /// </summary>
    public async Task<LedgerCursor> HorizonAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT tx_id::text, position FROM collab_ledger
            WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY collab_ledger.tx_id DESC, collab_ledger.position DESC
            LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LedgerCursor(ulong.Parse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture), reader.GetInt64(1))
            : LedgerCursor.Start;
    }

    private static Task<IReadOnlyList<StoredLedgerEvent>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        EventLedger.ReadEventsAsync(command, cancellationToken);
}
