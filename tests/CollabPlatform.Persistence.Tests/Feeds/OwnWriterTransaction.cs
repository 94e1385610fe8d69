using System.Globalization;
using CollabPlatform.Persistence.Ledger;
using Npgsql;

namespace CollabPlatform.Persistence.Tests.Feeds;

/// <summary>
/// One of our own ledger writers caught mid-transaction: it has inserted a ledger row and stays
/// open until the test commits or rolls it back (or the server ends its session).
/// </summary>
public sealed class OwnWriterTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private OwnWriterTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, LedgerCursor cursor)
    {
        _connection = connection;
        _transaction = transaction;
        Cursor = cursor;
    }

    public LedgerCursor Cursor { get; }

    public static async Task<OwnWriterTransaction> BeginAsync(string connectionString, string streamId)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO collab_ledger (stream_id, stream_version, event_type, payload, actor, occurred_at, jurisdictions)
            VALUES ($1, 1, 'MeetingRecorded', '{}', 'tester', now(), ARRAY['ID-33'])
            RETURNING tx_id::text, position
            """,
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await insert.ExecuteReaderAsync();
        await reader.ReadAsync();
        var cursor = new LedgerCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
        return new OwnWriterTransaction(connection, transaction, cursor);
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public Task RollbackAsync() => _transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
        }
        catch (NpgsqlException)
        {
            // The server ended the session (idle-in-transaction timeout): nothing to roll back.
        }

        await _connection.DisposeAsync();
    }
}
