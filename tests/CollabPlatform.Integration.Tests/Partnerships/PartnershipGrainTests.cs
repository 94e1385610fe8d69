using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Integration.Tests.Infrastructure;
using Npgsql;

namespace CollabPlatform.Integration.Tests.Partnerships;

[Collection(ClusterCollection.Name)]
public sealed class PartnershipGrainTests(ClusterFixture fixture)
{
    private static readonly CommandMetadata Official = new("official:ID-33.10", Principal: new Principal("official:ID-33.10", Role.RegionOfficial, "ID-33.10"));

    private IPartnershipGrain Grain(string id) => fixture.Grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(id));

    [Fact]
    public async Task Execute_Proposal_IsCommittedWithItsEventAndReadModelRow()
    {
        var id = Stories.NewPartnershipId();

        var result = await Grain(id).ExecuteAsync(Stories.KlatenNanjing(id), Official);

        Assert.True(result.IsAccepted, result.Rejection?.Reason);
        Assert.Equal(1, result.Snapshot!.Version);
        var (ledgerVersion, rowVersion, stage, jurisdictions) = await ReadStoredAsync(id);
        Assert.Equal(1, ledgerVersion);
        Assert.Equal(1, rowVersion);
        Assert.Equal(nameof(PartnershipStage.Exploration), stage);
        Assert.Contains("ID-33", jurisdictions);
        Assert.Contains("CN-350000", jurisdictions);
        Assert.Contains("CN-350600", jurisdictions);
        Assert.Contains("MINISTRY-ID", jurisdictions);
    }

    [Fact]
    public async Task Execute_IllegalTransition_IsRefusedAndChangesNothing()
    {
        var id = Stories.NewPartnershipId();
        await Grain(id).ExecuteAsync(Stories.KlatenNanjing(id), Official);

        var result = await Grain(id).ExecuteAsync(new AdvanceStage(PartnershipStage.Signed), Official);

        Assert.False(result.IsAccepted);
        Assert.Equal(RejectionKind.FailedPrecondition, result.Rejection!.Kind);
        var (ledgerVersion, rowVersion, stage, _) = await ReadStoredAsync(id);
        Assert.Equal(1, ledgerVersion);
        Assert.Equal(1, rowVersion);
        Assert.Equal(nameof(PartnershipStage.Exploration), stage);
    }

    [Fact]
    public async Task Execute_AfterClusterRestart_StateIsReloadedFromTheLedger()
    {
        var id = Stories.NewPartnershipId();
        await Grain(id).ExecuteAsync(Stories.KlatenNanjing(id), Official);
        await Grain(id).ExecuteAsync(Stories.SemarangMinutes(), Official);
        await Grain(id).ExecuteAsync(Stories.LetterOfIntent(new DateOnly(2025, 7, 30), null), Official);
        await Grain(id).ExecuteAsync(new AdvanceStage(PartnershipStage.LetterOfIntent, "LoI signed"), Official);

        await fixture.RestartClusterAsync();
        var snapshot = await Grain(id).GetAsync();

        Assert.NotNull(snapshot);
        var partnership = Partnership.FromHistory(snapshot.Events);
        Assert.Equal(4, partnership.Version);
        Assert.Equal(PartnershipStage.LetterOfIntent, partnership.Stage);
        Assert.Equal(2, partnership.Documents.Count);
        Assert.Equal("Semarang", partnership.Documents[0].Place);
    }

    [Fact]
    public async Task Execute_TwoConcurrentChangesOnTheSameVersion_OneWinsTheOtherConflicts()
    {
        var id = Stories.NewPartnershipId();
        await Grain(id).ExecuteAsync(Stories.KlatenNanjing(id), Official);
        var onVersionOne = Official with { ExpectedVersion = 1 };

        var results = await Task.WhenAll(
            Grain(id).ExecuteAsync(Stories.SemarangMinutes(), onVersionOne with { RequestId = "first" }),
            Grain(id).ExecuteAsync(Stories.LetterOfIntent(new DateOnly(2025, 7, 30), null), onVersionOne with { RequestId = "second" }));

        Assert.Single(results, r => r.IsAccepted);
        var loser = Assert.Single(results, r => !r.IsAccepted);
        Assert.Equal(RejectionKind.Conflict, loser.Rejection!.Kind);
        var (ledgerVersion, rowVersion, _, _) = await ReadStoredAsync(id);
        Assert.Equal(2, ledgerVersion);
        Assert.Equal(2, rowVersion);
    }

    [Fact]
    public async Task Execute_WhenAnotherWriterAppendedBehindTheActivation_IsRefusedAsConflictThenSucceedsOnReload()
    {
        var id = Stories.NewPartnershipId();
        await Grain(id).ExecuteAsync(Stories.KlatenNanjing(id), Official);
        await AppendBehindTheGrainAsync(id);

        var stale = await Grain(id).ExecuteAsync(Stories.LetterOfIntent(new DateOnly(2025, 7, 30), null), Official);
        var retried = await RetryUntilAcceptedAsync(() => Grain(id).ExecuteAsync(Stories.LetterOfIntent(new DateOnly(2025, 7, 30), null), Official));

        Assert.Equal(RejectionKind.Conflict, stale.Rejection!.Kind);
        Assert.Equal(3, retried.Snapshot!.Version);
        var partnership = Partnership.FromHistory(retried.Snapshot.Events);
        Assert.Equal(2, partnership.Documents.Count);
    }

    [Fact]
    public async Task Execute_RetryWithTheSameRequestId_ReturnsTheFirstResultAndChangesNothing()
    {
        var id = Stories.NewPartnershipId();
        await Grain(id).ExecuteAsync(Stories.KlatenNanjing(id), Official with { RequestId = "propose-1" });
        var attach = Official with { RequestId = "attach-1", RequestHash = "h1" };
        var first = await Grain(id).ExecuteAsync(Stories.SemarangMinutes(), attach);
        await Grain(id).ExecuteAsync(Stories.LetterOfIntent(new DateOnly(2025, 7, 30), null), Official with { RequestId = "attach-2" });

        await fixture.RestartClusterAsync();
        var retry = await Grain(id).ExecuteAsync(Stories.SemarangMinutes(), attach);
        var reused = await Grain(id).ExecuteAsync(Stories.SemarangMinutes(), attach with { RequestHash = "other" });

        Assert.True(retry.Replayed);
        Assert.Equal(first.Snapshot!.Version, retry.Snapshot!.Version);
        // IEnumerable comparison: ImmutableArray's own Equals compares array references.
        Assert.Equal<PartnershipEvent>(first.Snapshot.Events, retry.Snapshot.Events);
        Assert.Equal(RejectionKind.AlreadyExists, reused.Rejection!.Kind);
        var (ledgerVersion, _, _, _) = await ReadStoredAsync(id);
        Assert.Equal(3, ledgerVersion);
    }

    [Fact]
    public async Task DeadlineReminder_WhenTheLetterOfIntentLapses_ExpiresThePartnership()
    {
        var id = Stories.NewPartnershipId();
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        await Grain(id).ExecuteAsync(Stories.KlatenNanjing(id), Official);
        await Grain(id).ExecuteAsync(Stories.LetterOfIntent(today, today.AddDays(1)), Official);
        var advanced = await Grain(id).ExecuteAsync(new AdvanceStage(PartnershipStage.LetterOfIntent), Official);
        Assert.True(advanced.IsAccepted, advanced.Rejection?.Reason);
        Assert.Equal(1, await CountRemindersAsync(id));

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var expired = await WaitForStageAsync(id, PartnershipStage.Expired, TimeSpan.FromSeconds(60));

        Assert.Equal(PartnershipStage.LetterOfIntent, expired.StageBeforeExpiry);
        Assert.Contains(expired.History, h => h.EventType == "partnership.expired" && h.Actor == "system:deadlines");
    }

    private async Task<Partnership> WaitForStageAsync(string id, PartnershipStage stage, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var snapshot = await Grain(id).GetAsync();
            var partnership = Partnership.FromHistory(snapshot!.Events);
            if (partnership.Stage == stage)
            {
                return partnership;
            }

            Assert.False(timeout.IsCancellationRequested, $"partnership {id} did not reach {stage} within {limit} (still {partnership.Stage})");
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }

    private static async Task<CommandResult<AggregateSnapshot<PartnershipEvent>>> RetryUntilAcceptedAsync(Func<Task<CommandResult<AggregateSnapshot<PartnershipEvent>>>> call)
    {
        // A stale activation deactivates once idle; the retry lands on a fresh one.
        for (var attempt = 1; ; attempt++)
        {
            var result = await call();
            if (result.IsAccepted || attempt == 20)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task AppendBehindTheGrainAsync(string id)
    {
        // Stands in for a second activation of the same partnership that wins a race to the ledger.
        var ledger = new CollabPlatform.Persistence.Ledger.EventLedger(NpgsqlDataSource.Create(fixture.ConnectionString));
        var minutes = Stories.SemarangMinutes();
        var e = new DocumentAttached
        {
            PartnershipId = id,
            OccurredAt = fixture.Clock.GetUtcNow(),
            Actor = "official:ID-33.10",
            Document = new PartnershipDocument
            {
                Id = minutes.DocumentId,
                Kind = minutes.Kind,
                Date = minutes.Date,
                Title = minutes.Title,
                Place = minutes.Place,
                RecordedAt = fixture.Clock.GetUtcNow(),
            },
        };
        await ledger.AppendAsync(
            new CollabPlatform.Persistence.Ledger.LedgerAppend
            {
                StreamId = GrainKeys.Partnership(id),
                ExpectedVersion = 1,
                Events = [new(EventTypeNames.Of<PartnershipEvent>(typeof(DocumentAttached)), System.Text.Json.JsonSerializer.Serialize<PartnershipEvent>(e, DomainJson.Options), e.Actor, e.OccurredAt)],
                PartnershipId = id,
            },
            CancellationToken.None);
    }

    private async Task<(long LedgerVersion, long RowVersion, string Stage, string[] Jurisdictions)> ReadStoredAsync(string id)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT coalesce(max(stream_version), 0) FROM collab_ledger WHERE stream_id = $1),
                   p.version, p.stage, p.jurisdictions
            FROM collab_partnerships p WHERE p.partnership_id = $2
            """);
        command.Parameters.Add(new() { Value = GrainKeys.Partnership(id) });
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no read-model row for {id}");
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<string[]>(3));
    }

    private async Task<long> CountRemindersAsync(string id)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_reminder WHERE service_id = $1 AND grain_id LIKE $2");
        command.Parameters.Add(new() { Value = ClusterFixture.ServiceId });
        command.Parameters.Add(new() { Value = "%" + id + "%" });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
