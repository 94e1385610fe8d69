using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Grains.Abstractions;
using Npgsql;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure.Load;

/// <summary>
/// Where the acknowledged writes of a load are afterwards: in the ledger (found by their
/// request_id, with the acknowledged version), in the read model, and through the API.
/// </summary>
internal sealed record StoredWrites(
    int Acknowledged,
    int FoundInLedger,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> WrongVersion,
    int PartnershipsBehindInReadModel,
    int ReadBack,
    IReadOnlyList<string> NotReadBack)
{
    /// <summary>Looks every acknowledged write up in PostgreSQL, then reads each partnership back through <paramref name="client"/>.</summary>
    public static async Task<StoredWrites> CheckAsync(string connectionString, IReadOnlyList<AcknowledgedWrite> writes, CollabClient client)
    {
        var ledger = new Dictionary<string, (string StreamId, long Version)>(StringComparer.Ordinal);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await using (var command = dataSource.CreateCommand("SELECT request_id, stream_id, stream_version FROM collab_ledger WHERE request_id = ANY($1)"))
            {
                command.Parameters.Add(new() { Value = writes.Select(w => w.RequestId).ToArray() });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    ledger.Add(reader.GetString(0), (reader.GetString(1), reader.GetInt64(2)));
                }
            }

            await using (var command = dataSource.CreateCommand("SELECT partnership_id, version FROM collab_partnerships WHERE partnership_id = ANY($1)"))
            {
                command.Parameters.Add(new() { Value = writes.Select(w => w.PartnershipId).Distinct().ToArray() });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(reader.GetString(0), reader.GetInt64(1));
                }
            }
        }

        var missing = writes.Where(w => !ledger.ContainsKey(w.RequestId)).Select(w => w.RequestId).ToList();
        var wrongVersion = writes
            .Where(w => ledger.TryGetValue(w.RequestId, out var row) && (row.StreamId != GrainKeys.Partnership(w.PartnershipId) || row.Version != w.Version))
            .Select(w => $"{w.RequestId}: acknowledged {w.PartnershipId}@{w.Version}, ledger {ledger[w.RequestId].StreamId}@{ledger[w.RequestId].Version}")
            .ToList();
        var byPartnership = writes.GroupBy(w => w.PartnershipId).ToList();
        var behind = byPartnership.Count(g => !rows.TryGetValue(g.Key, out var version) || version < g.Max(w => w.Version));

        var notReadBack = new List<string>();
        var readBack = 0;
        foreach (var group in byPartnership)
        {
            var partnership = (await client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = group.Key })).Partnership;
            var meetings = partnership.Meetings.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var write in group)
            {
                if (partnership.Version >= write.Version && (write.MeetingId is null || meetings.Contains(write.MeetingId)))
                {
                    readBack++;
                }
                else
                {
                    notReadBack.Add($"{write.RequestId} ({write.PartnershipId}@{write.Version}, read back at version {partnership.Version})");
                }
            }
        }

        return new StoredWrites(writes.Count, writes.Count - missing.Count, missing, wrongVersion, behind, readBack, notReadBack);
    }

    /// <summary>Every acknowledged write is in the ledger with its version, in the read model and read back through the API.</summary>
    public bool LostNothing => Missing.Count == 0 && WrongVersion.Count == 0 && PartnershipsBehindInReadModel == 0 && NotReadBack.Count == 0;

    public override string ToString() =>
        $"acknowledged {Acknowledged}, found in the ledger {FoundInLedger} ({WrongVersion.Count} at another version), read model behind for {PartnershipsBehindInReadModel} partnerships, read back through the API {ReadBack}"
        + (Missing.Count > 0 ? $"; missing: {string.Join(", ", Missing.Take(10))}" : string.Empty)
        + (WrongVersion.Count > 0 ? $"; {string.Join("; ", WrongVersion.Take(5))}" : string.Empty)
        + (NotReadBack.Count > 0 ? $"; not read back: {string.Join("; ", NotReadBack.Take(5))}" : string.Empty);
}
