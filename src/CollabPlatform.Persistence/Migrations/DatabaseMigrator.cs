using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CollabPlatform.Persistence.Migrations;

/// <summary>
/// Brings a database up to the schema embedded in this assembly (<c>Migrations/NNNN_name.sql</c>), applying
/// each missing script once, in version order, and recording it in <c>collab_schema_migrations</c>.
/// </summary>
public static class DatabaseMigrator
{
    // Every replica must use the same key; this one is "collab" in ASCII, easy to spot in pg_locks.
    private const long LockKey = 0x636F6C6C6162;

    // A script may build indexes on large tables; the default 30 s command timeout is too short for that.
    private const int ScriptTimeoutSeconds = 600;

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS collab_schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>
    /// Applies the migrations the database lacks. Safe to run from several replicas at once: each script runs
    /// in its own transaction under an advisory lock, together with its row in the history table.
    /// </summary>
    /// <returns>The names (e.g. <c>0001_orleans_main</c>) of the migrations applied by this call; empty when the schema was current.</returns>
    /// <exception cref="SchemaMigrationException">An applied script was changed since, or a script failed.</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);

        var migrations = Migration.LoadEmbedded();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        Dictionary<int, AppliedMigration> history;
        try
        {
            history = await ReadHistoryAsync(connection, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw NeedsOwner("The migration history table collab_schema_migrations", exception);
        }
        foreach (var migration in migrations)
        {
            if (history.TryGetValue(migration.Version, out var applied))
            {
                EnsureUnchanged(migration, applied.Checksum);
            }
        }

        foreach (var unknown in history.Values.Where(applied => migrations.All(migration => migration.Version != applied.Version)))
        {
            logger.UnknownMigration(unknown.Version, unknown.Name);
        }

        var appliedNow = new List<string>();
        foreach (var migration in migrations.Where(migration => !history.ContainsKey(migration.Version)))
        {
            if (await ApplyAsync(connection, migration, logger, cancellationToken))
            {
                appliedNow.Add(migration.Name);
            }
        }

        logger.UpToDate(migrations.Count == 0 ? 0 : migrations[^1].Version, appliedNow.Count);
        return appliedNow;
    }

    private static async Task<Dictionary<int, AppliedMigration>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Under the lock: concurrent CREATE TABLE IF NOT EXISTS can still fail on a duplicate catalogue entry.
        // Created only when missing, so that a login without CREATE (the Host's runtime login) can
        // still find an up-to-date schema up to date.
        await LockAsync(connection, transaction, cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('collab_schema_migrations') IS NOT NULL", connection, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await using var create = new NpgsqlCommand(CreateHistoryTable, connection, transaction);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var history = new Dictionary<int, AppliedMigration>();
        await using (var select = new NpgsqlCommand("SELECT version, name, checksum FROM collab_schema_migrations", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var applied = new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
                history[applied.Version] = applied;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return history;
    }

    private static async Task<bool> ApplyAsync(NpgsqlConnection connection, Migration migration, ILogger logger, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);

        // Another replica may have applied it while this one waited for the lock.
        await using (var check = new NpgsqlCommand("SELECT checksum FROM collab_schema_migrations WHERE version = $1", connection, transaction))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            if (await check.ExecuteScalarAsync(cancellationToken) is string stored)
            {
                EnsureUnchanged(migration, stored);
                logger.AppliedElsewhere(migration.Name);
                return false;
            }
        }

        logger.Applying(migration.Name);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction) { CommandTimeout = ScriptTimeoutSeconds })
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new NpgsqlCommand("INSERT INTO collab_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw NeedsOwner($"Migration {migration.FileName}", exception);
        }
        catch (PostgresException exception)
        {
            throw new SchemaMigrationException(
                $"Migration {migration.FileName} failed and was rolled back: {exception.SqlState} {exception.MessageText}; fix the script (or the database) and start again.",
                exception);
        }

        logger.Applied(migration.Name, stopwatch.ElapsedMilliseconds);
        return true;
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Transaction-scoped, so it can never outlive the transaction, even on a pooled connection.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void EnsureUnchanged(Migration migration, string appliedChecksum)
    {
        if (!string.Equals(appliedChecksum, migration.Checksum, StringComparison.Ordinal))
        {
            throw new SchemaMigrationException(
                $"Migration {migration.FileName} was changed after it was applied to this database (SHA-256 {Abbreviate(appliedChecksum)} applied, {Abbreviate(migration.Checksum)} now): restore the original file and put the change in a new migration.");
        }
    }

    private static SchemaMigrationException NeedsOwner(string what, PostgresException exception) =>
        new(
            $"{what} needs the schema's owner, but {exception.MessageText}: run migrations as the migrator login (ConnectionStrings:CollabMigrator, or `collab migrate --connection`), not as the Host's runtime login.",
            exception);

    private static string Abbreviate(string checksum) => checksum.Length > 12 ? checksum[..12] : checksum;

    private sealed record AppliedMigration(int Version, string Name, string Checksum);
}
