using CollabPlatform.Cli.Client;
using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.EndToEnd.Tests.Stories;

/// <summary>
/// The audit log of the four stories is complete: every change of every partnership, joint programme
/// and region profile the stories make has exactly one record (their versions chain from 0 to the
/// resource's current version without a gap), naming the caller, its role and jurisdiction, the
/// request id and the stage before and after; and an auditor reads only its own jurisdiction. The
/// stories run on a Host and database of their own, since the story tests need their regions fresh.
/// Takes about 30 s, most of it starting that Host.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class StoryAuditTrailTests(ApiHostFixture fixture)
{
    private const string TimerActor = "system:deadlines";

    [Fact]
    public async Task FourStories_EveryChange_HasOneAuditRecordWithCallerRequestAndStages()
    {
        var connectionString = await fixture.CreateDatabaseAsync("collab_audit_" + Guid.NewGuid().ToString("N")[..8]);
        var (auditHost, grpc, _) = await ApiHostFixture.StartHostAsync(connectionString, "e2e-audit");
        await using var _ = auditHost;
        using var client = CollabClient.Connect(grpc, TestIdentity.Credentials);
        var ids = RequestIds.Unique("audit");
        var seeded = await StorySeeder.SeedAsync(client, ids, CancellationToken.None);
        var officials = new Dictionary<string, Principal>
        {
            [seeded[0].PartnershipId] = KlatenNanjingCountyStory.Official,
            [seeded[1].PartnershipId] = SurakartaStory.Official,
            [seeded[2].PartnershipId] = SurakartaStory.Official,
            [seeded[3].PartnershipId] = PurwakartaGuryeStory.Official,
            [seeded[4].PartnershipId] = MuaraEnimJapanStory.Official,
        };

        var records = 0;
        foreach (var (partnershipId, official) in officials)
        {
            var partnership = (await client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = partnershipId })).Partnership;
            var trail = await AuditOfAsync(client, partnershipId);
            AssertChain(trail, partnership.Version, partnershipId);
            foreach (var record in trail.Where(r => r.Actor != TimerActor))
            {
                var entry = partnership.History.Single(h => h.Sequence == record.VersionAfter);
                Assert.Equal(official.Subject, record.Actor);
                Assert.Equal(entry.Actor, record.Actor);
                Assert.Equal("region-official", record.ActorRole);
                Assert.Equal(official.Jurisdiction, record.ActorJurisdiction);
                Assert.StartsWith(ids.Prefix + "/", record.RequestId, StringComparison.Ordinal);
                Assert.Equal(AuditResourceType.Partnership, record.ResourceType);
                Assert.Equal(StageAt(partnership, record.VersionAfter), record.StageAfter);
                Assert.Equal(record.VersionBefore == 0 ? PartnershipStage.Unspecified : StageAt(partnership, record.VersionBefore), record.StageBefore);
            }

            records += trail.Count;
            var programmes = (await client.JointPrograms.ListJointProgramsAsync(new ListJointProgramsRequest { PartnershipId = partnershipId })).JointPrograms;
            foreach (var programme in programmes)
            {
                var programmeTrail = await AuditOfAsync(client, programme.Id);
                AssertChain(programmeTrail, programme.Version, programme.Id);
                Assert.All(programmeTrail, r => Assert.Equal(partnershipId, r.PartnershipId));
                // The officials' changes, and what the reporting timer decided on its own (a report overdue).
                Assert.All(programmeTrail, r => Assert.True(
                    (r.Actor == official.Subject && r.ActorRole == "region-official" && r.RequestId.StartsWith(ids.Prefix + "/", StringComparison.Ordinal))
                    || (r.Actor == TimerActor && r.ActorRole == "system" && r.RequestId.Length == 0),
                    $"{r.Actor} ({r.ActorRole}) {r.Operation} request {r.RequestId}"));
                Assert.Equal(programme.Status, programmeTrail[^1].StatusAfter);
                Assert.Equal(JointProgramStatus.Unspecified, programmeTrail[0].StatusBefore);
                records += programmeTrail.Count;
            }
        }

        // Region profiles live in grain storage; their records come through the grain's outbox. Other
        // tests of this Host change the same regions, so the chain is checked, not the actors.
        foreach (var region in new[] { SurakartaStory.Surakarta, PurwakartaGuryeStory.Purwakarta })
        {
            var profile = (await client.Regions.GetRegionAsync(new GetRegionRequest { RegionId = region })).Region;
            var trail = await AuditOfAsync(client, region);
            AssertChain(trail, profile.Version, region);
            Assert.Contains(trail, r => r.RequestId.StartsWith(ids.Prefix + "/", StringComparison.Ordinal) && r.Operation == "RecordHeadChange");
        }

        var jawaTengahAuditor = client.As(new Principal("auditor:ID-33", Role.Auditor, "ID-33")).Audit;
        var seenByJawaTengah = (await jawaTengahAuditor.ListAuditRecordsAsync(new ListAuditRecordsRequest { PartnershipId = seeded[0].PartnershipId, PageSize = 200 })).Records;
        var purwakartaFromJawaTengah = (await jawaTengahAuditor.ListAuditRecordsAsync(new ListAuditRecordsRequest { PartnershipId = seeded[3].PartnershipId, PageSize = 200 })).Records;

        // Each chain runs from version 0 to the resource's current version, so these are all the changes.
        Assert.True(records >= officials.Count, $"the stories left {records} partnership and programme records");
        Assert.Equal((await AuditOfAsync(client, seeded[0].PartnershipId)).Select(r => r.AuditId), seenByJawaTengah.Select(r => r.AuditId));
        Assert.Empty(purwakartaFromJawaTengah);
    }

    private static void AssertChain(List<AuditRecord> trail, long version, string resource)
    {
        Assert.True(trail.Count > 0, $"{resource} has no audit record");
        Assert.Equal(0, trail[0].VersionBefore);
        for (var i = 1; i < trail.Count; i++)
        {
            Assert.True(trail[i].VersionBefore == trail[i - 1].VersionAfter, $"{resource}: record {trail[i].AuditId} starts at v{trail[i].VersionBefore}, the one before ended at v{trail[i - 1].VersionAfter}");
        }

        Assert.Equal(version, trail[^1].VersionAfter);
        Assert.All(trail, r => Assert.Equal(resource, r.ResourceId));
    }

    private static PartnershipStage StageAt(Partnership partnership, long version) =>
        partnership.History.Where(h => h.Sequence <= version && h.ToStage != PartnershipStage.Unspecified).Last().ToStage;

    private static async Task<List<AuditRecord>> AuditOfAsync(CollabClient client, string resourceId)
    {
        var records = new List<AuditRecord>();
        var request = new ListAuditRecordsRequest { ResourceId = resourceId, PageSize = 200 };
        do
        {
            var page = await client.Audit.ListAuditRecordsAsync(request);
            records.AddRange(page.Records);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return records;
    }
}
