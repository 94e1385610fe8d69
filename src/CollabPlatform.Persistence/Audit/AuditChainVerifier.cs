using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CollabPlatform.Persistence.Audit;

/// <summary>
/// Recomputes the hash chains of the audit log (migration 0011) from the stored columns, independently
/// of the database's own functions: each stream's records must be numbered 1, 2, 3 ... without gaps, and
/// each one's hash must be SHA-256 of its canonical content followed by the previous record's hash.
/// </summary>
public static class AuditChainVerifier
{
    private const string SelectSql = """
        SELECT audit_id, stream_id, chain_seq, recorded_at, occurred_at, actor, actor_role, actor_jurisdiction, request_id,
               operation, resource_type, resource_id, partnership_id, from_version, to_version, from_stage, to_stage,
               from_status, to_status, event_types, jurisdictions, chain_hash
        FROM collab_audit
        ORDER BY stream_id COLLATE "C", chain_seq NULLS FIRST, audit_id
        """;

    /// <summary>Walks every chain; reads the table once, in stream order, holding one record at a time.</summary>
    public static async Task<AuditChainReport> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(SelectSql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        long records = 0, streams = 0, broken = 0;
        AuditChainBreak? first = null;
        string? stream = null;
        long previousSeq = 0;
        byte[] previousHash = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            records++;
            var auditId = reader.GetInt64(0);
            var streamId = reader.GetString(1);
            long? seq = reader.IsDBNull(2) ? null : reader.GetInt64(2);
            var storedHash = reader.IsDBNull(21) ? null : reader.GetFieldValue<byte[]>(21);
            if (!string.Equals(stream, streamId, StringComparison.Ordinal))
            {
                (stream, previousSeq, previousHash) = (streamId, 0, []);
                streams++;
            }

            var reason = seq is null || storedHash is null ? "it is not linked into the chain (no chain_seq or chain_hash)"
                : seq == previousSeq ? $"another record of the stream holds the same link {seq}"
                : seq != previousSeq + 1 ? $"the chain jumps from link {previousSeq} to {seq}: the record(s) in between are missing"
                : !CryptographicOperations.FixedTimeEquals(Link(Canonical(reader, seq.Value), previousHash), storedHash) ? "its content does not match its hash"
                : null;
            if (reason is not null)
            {
                broken++;
                if (first is null || auditId < first.AuditId)
                {
                    first = new AuditChainBreak(auditId, streamId, seq, reason);
                }
            }

            // The next record links to what is stored here, so one edited record is reported once, not with its whole tail.
            if (seq is not null)
            {
                previousSeq = seq.Value;
            }

            previousHash = storedHash ?? [];
        }

        return new AuditChainReport(records, streams, broken, first);
    }

    /// <summary>SHA-256 of the canonical content followed by the previous link's hash (nothing for the first).</summary>
    internal static byte[] Link(byte[] canonical, byte[] previousHash) => SHA256.HashData([.. canonical, .. previousHash]);

    /// <summary>The canonical content, version 1, exactly as <c>collab_audit_canonical</c> (migration 0011) encodes it.</summary>
    internal static byte[] Canonical(NpgsqlDataReader reader, long seq)
    {
        var text = new StringBuilder("collab-audit-v1;");
        Field(text, reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
        Field(text, reader.GetString(1));
        Field(text, seq.ToString(CultureInfo.InvariantCulture));
        Field(text, Instant(reader.GetFieldValue<DateTime>(3)));
        Field(text, Instant(reader.GetFieldValue<DateTime>(4)));
        for (var ordinal = 5; ordinal <= 12; ordinal++)
        {
            Field(text, reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal));
        }

        Field(text, reader.GetInt64(13).ToString(CultureInfo.InvariantCulture));
        Field(text, reader.GetInt64(14).ToString(CultureInfo.InvariantCulture));
        for (var ordinal = 15; ordinal <= 18; ordinal++)
        {
            Field(text, reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal));
        }

        List(text, reader.IsDBNull(19) ? null : reader.GetFieldValue<string?[]>(19));
        List(text, reader.IsDBNull(20) ? null : reader.GetFieldValue<string?[]>(20));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("~;");
            return;
        }

        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }

    private static void List(StringBuilder text, string?[]? items)
    {
        if (items is null)
        {
            text.Append("~;");
            return;
        }

        text.Append(items.Length.ToString(CultureInfo.InvariantCulture)).Append('#');
        foreach (var item in items)
        {
            Field(text, item);
        }
    }

    // Microseconds since 1970-01-01 UTC; PostgreSQL keeps instants to the microsecond, so this is exact.
    private static string Instant(DateTime utc) => ((utc.Ticks - DateTime.UnixEpoch.Ticks) / 10).ToString(CultureInfo.InvariantCulture);
}
