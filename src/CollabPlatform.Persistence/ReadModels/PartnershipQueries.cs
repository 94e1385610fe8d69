using Npgsql;

namespace CollabPlatform.Persistence.ReadModels;

/// <summary>Lists of partnerships from <c>collab_partnerships</c> (migration 0005), in creation order.</summary>
public sealed class PartnershipQueries(NpgsqlDataSource dataSource)
{
    private const string ListSql = """
        SELECT partnership_id, version, stage, created_at, summary::text
        FROM collab_partnerships
        WHERE ($1::text IS NULL OR jurisdictions @> ARRAY[$1::text])
          AND ($2::text IS NULL OR jurisdictions @> ARRAY[$2::text])
          AND (cardinality($3::text[]) = 0 OR local_region = ANY($3) OR counterpart_region = ANY($3))
          AND (cardinality($4::text[]) = 0 OR stage = ANY($4))
          AND (cardinality($5::text[]) = 0 OR sectors && $5)
          AND ($6::text IS NULL OR kind = $6)
          AND ($7::timestamptz IS NULL OR (created_at, partnership_id) > ($7, $8::text))
          AND ($10::text IS NULL OR jurisdictions @> ARRAY[$10::text])
        ORDER BY created_at, partnership_id
        LIMIT $9
        """;

    /// <summary>Reads the resume position out of <paramref name="pageToken"/>; false with a message when the token is not valid for <paramref name="filter"/>.</summary>
    public static bool TryReadPageToken(PartnershipFilter filter, string? pageToken, out ListPosition? position, out string? error)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ListPosition.TryRead(pageToken, filter.Key, out position, out error);
    }

    public async Task<Page<PartnershipListRow>> ListAsync(PartnershipFilter filter, int pageSize, ListPosition? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(SqlParameters.Text(filter.Jurisdiction));
        command.Parameters.Add(SqlParameters.Text(filter.Region));
        command.Parameters.Add(SqlParameters.TextArray(filter.RegionSubtree));
        command.Parameters.Add(SqlParameters.TextArray(filter.Stages));
        command.Parameters.Add(SqlParameters.TextArray(filter.Sectors));
        command.Parameters.Add(SqlParameters.Text(filter.Kind));
        command.Parameters.Add(SqlParameters.Timestamp(after?.CreatedAt));
        command.Parameters.Add(SqlParameters.Text(after?.Id));
        command.Parameters.Add(SqlParameters.Integer(pageSize + 1));
        // A viewer listing its own jurisdiction adds nothing to the jurisdiction filter. Stated twice,
        // the condition makes PostgreSQL expect the square of its share of the rows, and fetch and
        // sort them all instead of walking the creation-order index until the page is full (for a
        // province of 100,000 partnerships, 54 ms instead of under 1 ms).
        command.Parameters.Add(SqlParameters.Text(filter.Viewer == filter.Jurisdiction ? null : filter.Viewer));

        var rows = new List<PartnershipListRow>(pageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new PartnershipListRow(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetString(4)));
            }
        }

        return KeysetPaging.PageOf(rows, pageSize, filter.Key, r => new ListPosition(r.CreatedAt, r.PartnershipId).ToKey());
    }

    /// <summary>The jurisdictions that see the partnership, or null when the read model does not hold it.</summary>
    public async Task<IReadOnlyList<string>?> JurisdictionsOfAsync(string partnershipId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT jurisdictions FROM collab_partnerships WHERE partnership_id = $1");
        command.Parameters.Add(SqlParameters.Text(partnershipId));
        return await command.ExecuteScalarAsync(cancellationToken) as string[];
    }

    /// <summary>True when the read model holds the partnership, i.e. its proposal was committed.</summary>
    public async Task<bool> ExistsAsync(string partnershipId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM collab_partnerships WHERE partnership_id = $1)");
        command.Parameters.Add(SqlParameters.Text(partnershipId));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
