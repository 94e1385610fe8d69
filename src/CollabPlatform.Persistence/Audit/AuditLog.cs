using System.Globalization;
using CollabPlatform.Persistence.ReadModels;
using Npgsql;

namespace CollabPlatform.Persistence.Audit;

/// <summary>The audit log on PostgreSQL (table <c>collab_audit</c>, migration 0009): appends and the scoped query.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource) : IAuditLog
{
    internal const string InsertSql = """
        INSERT INTO collab_audit (occurred_at, actor, actor_role, actor_jurisdiction, request_id, operation, resource_type,
                                  resource_id, partnership_id, stream_id, from_version, to_version, from_stage, to_stage,
                                  from_status, to_status, event_types, jurisdictions)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        """;

    private const string ListSql = """
        SELECT audit_id, recorded_at, occurred_at, actor, actor_role, actor_jurisdiction, request_id, operation, resource_type,
               resource_id, partnership_id, stream_id, from_version, to_version, from_stage, to_stage, from_status, to_status,
               event_types, jurisdictions
        FROM collab_audit
        WHERE ($1::text IS NULL OR jurisdictions @> ARRAY[$1::text])
          AND ($2::text IS NULL OR jurisdictions @> ARRAY[$2::text])
          AND ($3::text IS NULL OR partnership_id = $3)
          AND ($4::text IS NULL OR resource_id = $4)
          AND ($5::text IS NULL OR actor = $5)
          AND ($6::timestamptz IS NULL OR recorded_at >= $6)
          AND ($7::timestamptz IS NULL OR recorded_at < $7)
          AND audit_id > $8
        ORDER BY audit_id
        LIMIT $9
        """;

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var entry in entries)
        {
            batch.BatchCommands.Add(Insert(entry, InsertSql + " ON CONFLICT ON CONSTRAINT collab_audit_change_uq DO NOTHING"));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads the resume position out of <paramref name="pageToken"/>; false with a message when the token is not valid for <paramref name="filter"/>.</summary>
    public static bool TryReadPageToken(AuditFilter filter, string? pageToken, out long after, out string? error)
    {
        ArgumentNullException.ThrowIfNull(filter);
        after = 0;
        if (!PageToken.TryDecode(pageToken, filter.Key, 1, out var key, out error))
        {
            return false;
        }

        if (key is not null && !long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            error = "page_token is not a token this server issued; start again without one";
            return false;
        }

        return true;
    }

    /// <summary>Records matching <paramref name="filter"/>, oldest first, after position <paramref name="after"/> (0 for the first page).</summary>
    public async Task<Page<StoredAuditRecord>> ListAsync(AuditFilter filter, int pageSize, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(SqlParameters.Text(filter.Viewer));
        command.Parameters.Add(SqlParameters.Text(filter.Scope));
        command.Parameters.Add(SqlParameters.Text(filter.PartnershipId));
        command.Parameters.Add(SqlParameters.Text(filter.ResourceId));
        command.Parameters.Add(SqlParameters.Text(filter.Actor));
        command.Parameters.Add(SqlParameters.Timestamp(filter.From));
        command.Parameters.Add(SqlParameters.Timestamp(filter.Until));
        command.Parameters.Add(SqlParameters.BigInt(after));
        command.Parameters.Add(SqlParameters.Integer(pageSize + 1));

        var rows = new List<StoredAuditRecord>(pageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new StoredAuditRecord(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), new AuditEntry
                {
                    OccurredAt = reader.GetFieldValue<DateTimeOffset>(2),
                    Actor = reader.GetString(3),
                    ActorRole = reader.GetString(4),
                    ActorJurisdiction = NullableText(reader, 5),
                    RequestId = NullableText(reader, 6),
                    Operation = reader.GetString(7),
                    ResourceType = reader.GetString(8),
                    ResourceId = reader.GetString(9),
                    PartnershipId = NullableText(reader, 10),
                    StreamId = reader.GetString(11),
                    FromVersion = reader.GetInt64(12),
                    ToVersion = reader.GetInt64(13),
                    FromStage = NullableText(reader, 14),
                    ToStage = NullableText(reader, 15),
                    FromStatus = NullableText(reader, 16),
                    ToStatus = NullableText(reader, 17),
                    EventTypes = reader.GetFieldValue<string[]>(18),
                    Jurisdictions = reader.GetFieldValue<string[]>(19),
                }));
            }
        }

        return KeysetPaging.PageOf(rows, pageSize, filter.Key, r => [r.AuditId.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>The insert of one record, as a batch command (also used inside the ledger's transaction).</summary>
    internal static NpgsqlBatchCommand Insert(AuditEntry entry, string sql = InsertSql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(SqlParameters.Timestamp(entry.OccurredAt));
        command.Parameters.Add(SqlParameters.Text(entry.Actor));
        command.Parameters.Add(SqlParameters.Text(entry.ActorRole));
        command.Parameters.Add(SqlParameters.Text(entry.ActorJurisdiction));
        command.Parameters.Add(SqlParameters.Text(entry.RequestId));
        command.Parameters.Add(SqlParameters.Text(entry.Operation));
        command.Parameters.Add(SqlParameters.Text(entry.ResourceType));
        command.Parameters.Add(SqlParameters.Text(entry.ResourceId));
        command.Parameters.Add(SqlParameters.Text(entry.PartnershipId));
        command.Parameters.Add(SqlParameters.Text(entry.StreamId));
        command.Parameters.Add(SqlParameters.BigInt(entry.FromVersion));
        command.Parameters.Add(SqlParameters.BigInt(entry.ToVersion));
        command.Parameters.Add(SqlParameters.Text(entry.FromStage));
        command.Parameters.Add(SqlParameters.Text(entry.ToStage));
        command.Parameters.Add(SqlParameters.Text(entry.FromStatus));
        command.Parameters.Add(SqlParameters.Text(entry.ToStatus));
        command.Parameters.Add(SqlParameters.TextArray(entry.EventTypes));
        command.Parameters.Add(SqlParameters.TextArray(entry.Jurisdictions));
        return command;
    }

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
