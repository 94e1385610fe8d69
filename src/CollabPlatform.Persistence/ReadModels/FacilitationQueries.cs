using System.Globalization;
using Npgsql;

namespace CollabPlatform.Persistence.ReadModels;

/// <summary>
/// Dashboard counts and overdue obligations of one scope (a jurisdiction id as stored in the
/// <c>jurisdictions</c> columns), from the read model and the ledger.
/// </summary>
public sealed class FacilitationQueries(NpgsqlDataSource dataSource, LedgerQueries ledger)
{
    // The read model stores domain enum names (PartnershipProjection, ProgramProjection).
    private const string ClosedStages = "('Expired', 'Terminated')";
    private const string FinalStatuses = "('Completed', 'Cancelled')";

    private const string ByStageSql = """
        SELECT stage, count(*)::int FROM collab_partnerships
        WHERE jurisdictions @> ARRAY[$1::text]
        GROUP BY stage
        """;

    private const string BySectorSql = """
        SELECT sector, count(*)::int FROM collab_partnerships CROSS JOIN LATERAL unnest(sectors) AS sector
        WHERE jurisdictions @> ARRAY[$1::text]
        GROUP BY sector
        """;

    private const string ExpiringSql = $"""
        SELECT count(*)::int FROM collab_partnerships
        WHERE jurisdictions @> ARRAY[$1::text] AND stage NOT IN {ClosedStages}
          AND expires_on >= $2 AND expires_on <= $3
        """;

    private const string ReportsOverdueSql = $"""
        SELECT count(*)::int FROM collab_programs
        WHERE jurisdictions @> ARRAY[$1::text] AND status NOT IN {FinalStatuses} AND next_report_due < $2
        """;

    // Reports from the read model; milestones from the programme's own events (created with their
    // due dates, completed by progress updates), since the read model has no row per milestone.
    // The JSON names are those of the stored events (DomainJson, camelCase), which never change.
    private const string OverdueSql = $"""
        WITH programs AS (
            SELECT program_id, partnership_id, title, next_report_due
            FROM collab_programs
            WHERE jurisdictions @> ARRAY[$1::text] AND status NOT IN {FinalStatuses}
        ),
        items AS (
            SELECT 1 AS kind, p.partnership_id, p.program_id, '' AS milestone_id, p.next_report_due AS due_date,
                   p.title AS program_title, NULL::text AS milestone_title
            FROM programs p
            WHERE p.next_report_due < $2
            UNION ALL
            SELECT 2, p.partnership_id, p.program_id, m->>'id', (m->>'due')::date, p.title, m->>'title'
            FROM programs p
            JOIN collab_ledger created ON created.stream_id = 'program:' || p.program_id AND created.event_type = 'program.created'
            CROSS JOIN LATERAL jsonb_array_elements(COALESCE(created.payload->'milestones', '[]'::jsonb)) AS m
            WHERE (m->>'due')::date < $2
              AND m->>'completedOn' IS NULL
              AND NOT EXISTS (
                  SELECT 1
                  FROM collab_ledger progress
                  CROSS JOIN LATERAL jsonb_array_elements(COALESCE(progress.payload->'milestoneCompletions', '[]'::jsonb)) AS c
                  WHERE progress.stream_id = created.stream_id
                    AND progress.event_type = 'program.progress_updated'
                    AND c->>'milestoneId' = m->>'id')
        )
        SELECT kind, partnership_id, program_id, milestone_id, due_date, program_title, milestone_title
        FROM items
        WHERE ($3::date IS NULL OR (due_date, kind, program_id, milestone_id) > ($3, $4, $5::text, $6::text))
        ORDER BY due_date, kind, program_id, milestone_id
        LIMIT $7
        """;

    /// <summary>The dashboard of <paramref name="scope"/> as of <paramref name="today"/> (UTC).</summary>
    public async Task<DashboardData> GetDashboardAsync(string scope, DateOnly today, int expiringWithinDays, int recentLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // Taken first: a watcher that starts from it may see again what the counts already show,
        // but misses nothing committed while they are computed.
        var cursor = await ledger.HorizonAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var byStage = await CountByAsync(connection, ByStageSql, scope, cancellationToken);
        var bySector = await CountByAsync(connection, BySectorSql, scope, cancellationToken);
        var expiring = await CountAsync(connection, ExpiringSql, cancellationToken, SqlParameters.Text(scope), SqlParameters.Date(today), SqlParameters.Date(today.AddDays(expiringWithinDays)));
        var overdue = await CountAsync(connection, ReportsOverdueSql, cancellationToken, SqlParameters.Text(scope), SqlParameters.Date(today));
        var recent = recentLimit > 0 ? await ledger.LatestAsync(scope, recentLimit, cancellationToken) : [];
        return new DashboardData(cursor, byStage, bySector, expiring, overdue, recent);
    }

    /// <summary>Reads the resume position of an overdue list out of <paramref name="pageToken"/>.</summary>
    public static bool TryReadPageToken(string scope, string? pageToken, out OverduePosition? position, out string? error)
    {
        position = null;
        if (!PageToken.TryDecode(pageToken, OverdueFilterKey(scope), 4, out var key, out error))
        {
            return false;
        }

        if (key is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(key[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            || !Enum.TryParse<OverdueKind>(key[1], out var kind) || !Enum.IsDefined(kind)
            || key[2].Length == 0)
        {
            error = "page_token does not hold a position in the overdue list; pass next_page_token from the previous response unchanged";
            return false;
        }

        position = new OverduePosition(due, kind, key[2], key[3]);
        return true;
    }

    /// <summary>Overdue reports and milestones of <paramref name="scope"/> as of <paramref name="today"/>, oldest due date first.</summary>
    public async Task<Page<OverdueItemRow>> ListOverdueAsync(string scope, DateOnly today, int pageSize, OverduePosition? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using var command = dataSource.CreateCommand(OverdueSql);
        command.Parameters.Add(SqlParameters.Text(scope));
        command.Parameters.Add(SqlParameters.Date(today));
        command.Parameters.Add(SqlParameters.Date(after?.DueDate));
        command.Parameters.Add(SqlParameters.Integer((int)(after?.Kind ?? OverdueKind.Report)));
        command.Parameters.Add(SqlParameters.Text(after?.ProgramId));
        command.Parameters.Add(SqlParameters.Text(after?.MilestoneId));
        command.Parameters.Add(SqlParameters.Integer(pageSize + 1));

        var rows = new List<OverdueItemRow>(pageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new OverdueItemRow(
                    (OverdueKind)reader.GetInt32(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetFieldValue<DateOnly>(4),
                    reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        return KeysetPaging.PageOf(rows, pageSize, OverdueFilterKey(scope), r =>
            [r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Kind.ToString(), r.ProgramId, r.MilestoneId]);
    }

    private static string OverdueFilterKey(string scope) => "overdue|" + scope;

    private static async Task<IReadOnlyDictionary<string, int>> CountByAsync(NpgsqlConnection connection, string sql, string scope, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(SqlParameters.Text(scope));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
