using CollabPlatform.Persistence.Ledger;
using CollabPlatform.Persistence.Tests.Feeds;
using Npgsql;

namespace CollabPlatform.Persistence.Tests.Ledger;

[Collection(PostgresCollection.Name)]
public sealed class EventLedgerTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset OccurredAt = new(2025, 7, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Append_SecondEventCollidesWithAStoredVersion_WritesNoneOfTheChange()
    {
        var connectionString = await fixture.CreateMigratedDatabaseAsync("appendatomic");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var ledger = new EventLedger(dataSource);
        const string stream = "partnership:klaten-nanjing";
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO collab_ledger (stream_id, stream_version, event_type, payload, actor, occurred_at) VALUES ($1, 2, 'MeetingRecorded', '{}', 'other writer', now())"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = stream });
            await insert.ExecuteNonQueryAsync();
        }

        var change = new LedgerAppend
        {
            StreamId = stream,
            ExpectedVersion = 0,
            PartnershipId = stream,
            Jurisdictions = LedgerChanges.Jawa,
            RequestId = "request-1",
            Events =
            [
                new NewLedgerEvent("PartnershipProposed", """{"n":1}""", "official:ID-33.10", OccurredAt),
                new NewLedgerEvent("MeetingRecorded", """{"n":2}""", "official:ID-33.10", OccurredAt),
            ],
        };

        var conflict = await Assert.ThrowsAsync<LedgerConflictException>(() => ledger.AppendAsync(change, CancellationToken.None));
        var stored = await ledger.ReadStreamAsync(stream, CancellationToken.None);

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Equal([2L], stored.Select(e => e.StreamVersion));
        Assert.Equal(["other writer"], stored.Select(e => e.Actor));
    }
}
