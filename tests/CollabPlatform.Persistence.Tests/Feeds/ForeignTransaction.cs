using Npgsql;

namespace CollabPlatform.Persistence.Tests.Feeds;

/// <summary>
/// Another program's write transaction on the same server: it holds a transaction id (it wrote a
/// row of an unrelated table) and stays open until the test commits or rolls it back.
/// </summary>
public sealed class ForeignTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private ForeignTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, ulong transactionId)
    {
        _connection = connection;
        _transaction = transaction;
        TransactionId = transactionId;
    }

    public ulong TransactionId { get; }

    /// <summary>Opens a transaction on <paramref name="connectionString"/> that has written a row of <c>foreign_work</c>.</summary>
    public static async Task<ForeignTransaction> BeginAsync(string connectionString)
    {
        // Pooling off: a rolled-back or abandoned session must not come back into anyone's pool.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "foreign-program" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS foreign_work (id bigint GENERATED ALWAYS AS IDENTITY, note text)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO foreign_work (note) VALUES ('held open') RETURNING pg_current_xact_id()::text", connection, transaction);
        var transactionId = ulong.Parse((string)(await insert.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        return new ForeignTransaction(connection, transaction, transactionId);
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public Task RollbackAsync() => _transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
