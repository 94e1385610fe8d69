using Npgsql;

namespace CollabPlatform.Persistence.ReadModels;

/// <summary>Lists of joint programmes from <c>collab_programs</c> (migration 0005), in creation order.</summary>
public sealed class ProgramQueries(NpgsqlDataSource dataSource)
{
    private const string ListSql = """
        SELECT program_id, partnership_id, version, created_at
        FROM collab_programs
        WHERE ($1::text IS NULL OR partnership_id = $1)
          AND ($2::text IS NULL OR sector = $2)
          AND ($3::text IS NULL OR status = $3)
          AND ($4::text IS NULL OR jurisdictions @> ARRAY[$4::text])
          AND ($5::timestamptz IS NULL OR (created_at, program_id) > ($5, $6::text))
        ORDER BY created_at, program_id
        LIMIT $7
        """;

    /// <summary>Reads the resume position out of <paramref name="pageToken"/>; false with a message when the token is not valid for <paramref name="filter"/>.</summary>
    public static bool TryReadPageToken(ProgramFilter filter, string? pageToken, out ListPosition? position, out string? error)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ListPosition.TryRead(pageToken, filter.Key, out position, out error);
    }

    public async Task<Page<ProgramListRow>> ListAsync(ProgramFilter filter, int pageSize, ListPosition? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(SqlParameters.Text(filter.PartnershipId));
        command.Parameters.Add(SqlParameters.Text(filter.Sector));
        command.Parameters.Add(SqlParameters.Text(filter.Status));
        command.Parameters.Add(SqlParameters.Text(filter.Jurisdiction));
        command.Parameters.Add(SqlParameters.Timestamp(after?.CreatedAt));
        command.Parameters.Add(SqlParameters.Text(after?.Id));
        command.Parameters.Add(SqlParameters.Integer(pageSize + 1));

        var rows = new List<ProgramListRow>(pageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ProgramListRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        return KeysetPaging.PageOf(rows, pageSize, filter.Key, r => new ListPosition(r.CreatedAt, r.ProgramId).ToKey());
    }
}
