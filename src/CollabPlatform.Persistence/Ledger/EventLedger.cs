using System.Diagnostics;
using System.Globalization;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace CollabPlatform.Persistence.Ledger;

/// <summary>The ledger on PostgreSQL (tables from migration 0005).</summary>
public sealed class EventLedger(NpgsqlDataSource dataSource) : IEventLedger
{
    private const string UniqueViolation = "23505";
    private const string StreamVersionConstraint = "collab_ledger_stream_version_uq";
    private const string RequestConstraint = "collab_ledger_request_uq";

    /// <summary>The columns <see cref="ReadEventsAsync"/> reads, in its order.</summary>
    internal const string SelectColumns = """
        SELECT tx_id::text, position, stream_id, stream_version, event_type, payload::text, actor, occurred_at,
               partnership_id, from_stage, to_stage, jurisdictions, request_id, request_hash
        FROM collab_ledger
        """;

    // Only rows below the horizon are final: every ledger row committed later sorts after them
    // (Feeds/LedgerHorizon explains why). Reading below it, in (tx_id, position) order, is what
    // keeps a cursor from skipping a commit that was still in flight. The ORDER BY names the
    // table's column: a bare tx_id would mean the selected text and sort '1000' < '735'.
    private const string ReadAllQuery = LedgerHorizon.With + SelectColumns + $"""
         WHERE (tx_id, position) > ($1::text::xid8, $2)
           AND tx_id < {LedgerHorizon.Value}
           AND ($3::text IS NULL OR jurisdictions @> ARRAY[$3::text])
         ORDER BY collab_ledger.tx_id, collab_ledger.position
         LIMIT $4
        """;

    private const string InsertEvent = """
        INSERT INTO collab_ledger (stream_id, stream_version, event_type, payload, actor, occurred_at,
                                   partnership_id, from_stage, to_stage, jurisdictions, request_id, request_hash)
        VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12)
        RETURNING tx_id::text, position
        """;

    // After the commit, in a transaction of its own: see migration 0008. Asynchronous commit is
    // enough for a wake-up, and keeps the notify lock from being held across a WAL flush.
    private const string NotifyCommitted = """
        SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)
        """;

    private const string UpsertPartnership = """
        INSERT INTO collab_partnerships (partnership_id, version, kind, stage, title, local_region, counterpart_region,
                                         counterpart_country, sectors, jurisdictions, effective_on, expires_on,
                                         next_deadline, created_at, updated_at, summary)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb)
        ON CONFLICT (partnership_id) DO UPDATE SET
            version = excluded.version, kind = excluded.kind, stage = excluded.stage, title = excluded.title,
            local_region = excluded.local_region, counterpart_region = excluded.counterpart_region,
            counterpart_country = excluded.counterpart_country, sectors = excluded.sectors,
            jurisdictions = excluded.jurisdictions, effective_on = excluded.effective_on,
            expires_on = excluded.expires_on, next_deadline = excluded.next_deadline,
            updated_at = excluded.updated_at, summary = excluded.summary
        WHERE collab_partnerships.version < excluded.version
        """;

    private const string UpsertProgram = """
        INSERT INTO collab_programs (program_id, partnership_id, version, sector, status, title, jurisdictions,
                                     next_report_due, report_overdue, created_at, updated_at, summary)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
        ON CONFLICT (program_id) DO UPDATE SET
            version = excluded.version, sector = excluded.sector, status = excluded.status, title = excluded.title,
            jurisdictions = excluded.jurisdictions, next_report_due = excluded.next_report_due,
            report_overdue = excluded.report_overdue, updated_at = excluded.updated_at, summary = excluded.summary
        WHERE collab_programs.version < excluded.version
        """;

    public async Task<LedgerCursor> AppendAsync(LedgerAppend append, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (append.Events.Count == 0)
        {
            throw new ArgumentException("an append needs at least one event", nameof(append));
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = CollabTelemetry.Source.StartActivity("ledger append");
        activity?.SetTag("collab.stream", append.StreamId);
        activity?.SetTag("collab.events", append.Events.Count);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // One round trip: without an explicit transaction the batch's statements run in one
        // implicit transaction (a single Sync), committed, or rolled back whole on any error,
        // before the reader has consumed the batch's last result.
        await using var batch = new NpgsqlBatch(connection);
        var jurisdictions = append.Jurisdictions.ToArray();
        for (var i = 0; i < append.Events.Count; i++)
        {
            var e = append.Events[i];
            var command = new NpgsqlBatchCommand(InsertEvent);
            command.Parameters.Add(new() { Value = append.StreamId });
            command.Parameters.Add(new() { Value = append.ExpectedVersion + i + 1 });
            command.Parameters.Add(new() { Value = e.EventType });
            command.Parameters.Add(new() { Value = e.Payload });
            command.Parameters.Add(new() { Value = e.Actor });
            command.Parameters.Add(new() { Value = e.OccurredAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(Text(append.PartnershipId));
            command.Parameters.Add(Text(e.FromStage));
            command.Parameters.Add(Text(e.ToStage));
            command.Parameters.Add(new() { Value = jurisdictions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            // The request is recorded once, on the change's last event, whose version is the
            // version a retry of the request must answer with.
            var isLast = i == append.Events.Count - 1;
            command.Parameters.Add(Text(isLast ? append.RequestId : null));
            command.Parameters.Add(Text(isLast ? append.RequestHash : null));
            batch.BatchCommands.Add(command);
        }

        if (append.Partnership is { } partnership)
        {
            batch.BatchCommands.Add(PartnershipCommand(partnership));
        }

        if (append.Program is { } program)
        {
            batch.BatchCommands.Add(ProgramCommand(program));
        }

        // In the same transaction: a change is never committed without its audit record.
        if (append.Audit is { } audit)
        {
            batch.BatchCommands.Add(AuditLog.Insert(audit));
        }

        var last = LedgerCursor.Start;
        try
        {
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                do
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        last = new LedgerCursor(ParseTransactionId(reader.GetString(0)), reader.GetInt64(1));
                    }
                }
                while (await reader.NextResultAsync(cancellationToken));
            }

            CollabTelemetry.LedgerAppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation && ex.ConstraintName is StreamVersionConstraint or RequestConstraint)
        {
            throw new LedgerConflictException(
                $"stream {append.StreamId} moved past version {append.ExpectedVersion} before this change was committed", ex)
            {
                StreamId = append.StreamId,
                ExpectedVersion = append.ExpectedVersion,
            };
        }

        await NotifyAsync(connection, last.TransactionId);
        return last;
    }

    public async Task<IReadOnlyList<StoredLedgerEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectColumns + " WHERE stream_id = $1 ORDER BY stream_version");
        command.Parameters.Add(new() { Value = streamId });
        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredLedgerEvent>> ReadAllAsync(LedgerCursor after, string? jurisdiction, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);

        await using var command = dataSource.CreateCommand(ReadAllQuery);
        command.Parameters.Add(new() { Value = after.TransactionId.ToString(CultureInfo.InvariantCulture) });
        command.Parameters.Add(new() { Value = after.Position });
        command.Parameters.Add(Text(jurisdiction));
        command.Parameters.Add(new() { Value = maxCount });
        return await ReadEventsAsync(command, cancellationToken);
    }

    /// <summary>Reads ledger rows selected with <see cref="SelectColumns"/>.</summary>
    internal static async Task<IReadOnlyList<StoredLedgerEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredLedgerEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredLedgerEvent(
                new LedgerCursor(ParseTransactionId(reader.GetString(0)), reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetInt64(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetFieldValue<string[]>(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13)));
        }

        return events;
    }

    private static NpgsqlBatchCommand PartnershipCommand(PartnershipRow row)
    {
        var command = new NpgsqlBatchCommand(UpsertPartnership);
        command.Parameters.Add(new() { Value = row.PartnershipId });
        command.Parameters.Add(new() { Value = row.Version });
        command.Parameters.Add(new() { Value = row.Kind });
        command.Parameters.Add(new() { Value = row.Stage });
        command.Parameters.Add(new() { Value = row.Title });
        command.Parameters.Add(new() { Value = row.LocalRegion });
        command.Parameters.Add(Text(row.CounterpartRegion));
        command.Parameters.Add(new() { Value = row.CounterpartCountry });
        command.Parameters.Add(new() { Value = row.Sectors.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = row.Jurisdictions.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(Date(row.EffectiveOn));
        command.Parameters.Add(Date(row.ExpiresOn));
        command.Parameters.Add(new() { Value = (object?)row.NextDeadline?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = row.CreatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = row.UpdatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = row.Summary });
        return command;
    }

    private static NpgsqlBatchCommand ProgramCommand(ProgramRow row)
    {
        var command = new NpgsqlBatchCommand(UpsertProgram);
        command.Parameters.Add(new() { Value = row.ProgramId });
        command.Parameters.Add(new() { Value = row.PartnershipId });
        command.Parameters.Add(new() { Value = row.Version });
        command.Parameters.Add(new() { Value = row.Sector });
        command.Parameters.Add(new() { Value = row.Status });
        command.Parameters.Add(new() { Value = row.Title });
        command.Parameters.Add(new() { Value = row.Jurisdictions.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(Date(row.NextReportDue));
        command.Parameters.Add(new() { Value = row.ReportOverdue });
        command.Parameters.Add(new() { Value = row.CreatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = row.UpdatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = row.Summary });
        return command;
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Date(DateOnly? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date };

    /// <summary>
    /// Wakes the feed tailers of every replica (LISTEN collab_ledger) with the committed
    /// transaction's id. The change is already durable; a failure here only delays feeds until
    /// their next poll, so it must not turn an acknowledged change into an error.
    /// </summary>
    private static async Task NotifyAsync(NpgsqlConnection connection, ulong transactionId)
    {
        try
        {
            await using var notify = new NpgsqlCommand(NotifyCommitted, connection);
            notify.Parameters.Add(new() { Value = Feeds.LedgerTailer.NotificationChannel });
            notify.Parameters.Add(new() { Value = transactionId.ToString(CultureInfo.InvariantCulture) });
            await notify.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            Activity.Current?.AddEvent(new ActivityEvent("ledger notify failed"));
        }
    }

    private static ulong ParseTransactionId(string text) => ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
