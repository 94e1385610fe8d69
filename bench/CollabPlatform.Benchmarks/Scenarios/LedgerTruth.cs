using System.Globalization;
using Npgsql;

namespace CollabPlatform.Benchmarks.Scenarios;

/// <summary>What the ledger table says was committed: the ground truth feeds are checked against.</summary>
internal sealed class LedgerTruth(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>The cursor of the newest committed event (every writer of the benchmark has finished).</summary>
    public async Task<FeedCursor> HeadAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT tx_id::text, position FROM collab_ledger ORDER BY tx_id DESC, position DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new FeedCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1))
            : default;
    }

    /// <summary>For each scope: how many events after <paramref name="after"/> it sees, and the sum of their fingerprints.</summary>
    public async Task<IReadOnlyDictionary<string, (long Count, ulong Fingerprint)>> ExpectedAsync(IEnumerable<string> scopes, FeedCursor after, CancellationToken cancellationToken)
    {
        var wanted = scopes.ToHashSet(StringComparer.Ordinal);
        var expected = wanted.ToDictionary(s => s, _ => (Count: 0L, Fingerprint: 0UL), StringComparer.Ordinal);
        await using var command = _dataSource.CreateCommand("""
            SELECT tx_id::text, position, jurisdictions FROM collab_ledger
            WHERE tx_id > $1::text::xid8 OR (tx_id = $1::text::xid8 AND position > $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = after.Transaction.ToString(CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Position });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var cursor = new FeedCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
            var fingerprint = cursor.Fingerprint();
            foreach (var jurisdiction in reader.GetFieldValue<string[]>(2))
            {
                if (expected.TryGetValue(jurisdiction, out var sofar))
                {
                    expected[jurisdiction] = (sofar.Count + 1, unchecked(sofar.Fingerprint + fingerprint));
                }
            }
        }

        return expected;
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();
}
