using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Integration.Tests.Infrastructure;
using Npgsql;

namespace CollabPlatform.Integration.Tests.JointPrograms;

[Collection(ClusterCollection.Name)]
public sealed class JointProgramGrainTests(ClusterFixture fixture)
{
    private static readonly CommandMetadata Official = new("official:ID-33.10", Principal: new Principal("official:ID-33.10", Role.RegionOfficial, "ID-33.10"));

    [Fact]
    public async Task Create_BeforeTheLetterOfIntent_IsRefusedAndNothingIsStored()
    {
        var partnershipId = await ProposeAsync(advanceToLetterOfIntent: false);
        var programId = "JP-" + Guid.NewGuid().ToString("N")[..10];

        var result = await Program(programId).ExecuteAsync(Tourism(partnershipId), Official);

        Assert.Equal(RejectionKind.FailedPrecondition, result.Rejection!.Kind);
        Assert.Null(await Program(programId).GetAsync());
        Assert.Equal(0, await CountProgramRowsAsync(programId));
    }

    [Fact]
    public async Task Create_ForAnUnknownPartnership_IsNotFoundForTheAdminAndOutOfScopeForAnOfficial()
    {
        var programId = "JP-" + Guid.NewGuid().ToString("N")[..10];
        var admin = new CommandMetadata("admin", Principal: new Principal("admin", Role.Admin, null));

        var asAdmin = await Program(programId).ExecuteAsync(Tourism("P-DOESNOTEXIST"), admin);
        var asOfficial = await Program(programId).ExecuteAsync(Tourism("P-DOESNOTEXIST"), Official);

        Assert.Equal(RejectionKind.NotFound, asAdmin.Rejection!.Kind);
        Assert.Equal(RejectionKind.PermissionDenied, asOfficial.Rejection!.Kind);
        Assert.Null(await Program(programId).GetAsync());
    }

    [Fact]
    public async Task Create_AtLetterOfIntent_IsStoredWithThePartnershipsJurisdictionsAndSurvivesRestart()
    {
        var partnershipId = await ProposeAsync(advanceToLetterOfIntent: true);
        var programId = "JP-" + Guid.NewGuid().ToString("N")[..10];

        var created = await Program(programId).ExecuteAsync(Tourism(partnershipId), Official);
        var report = await Program(programId).ExecuteAsync(
            new SubmitReport { ReportId = "R-1", PeriodStart = new DateOnly(2025, 7, 30), PeriodEnd = new DateOnly(2025, 7, 31), Summary = "Workshop held", Author = "Bappeda Klaten" },
            Official with { RequestId = "report-1" });
        await fixture.RestartClusterAsync();
        var reloaded = JointProgram.FromHistory((await Program(programId).GetAsync())!.Events);

        Assert.True(created.IsAccepted, created.Rejection?.Reason);
        Assert.True(report.IsAccepted, report.Rejection?.Reason);
        Assert.Equal(2, reloaded.Version);
        Assert.Equal(partnershipId, reloaded.PartnershipId);
        Assert.Single(reloaded.Reports);
        var jurisdictions = await ReadProgramJurisdictionsAsync(programId);
        Assert.Contains("ID-33", jurisdictions);
        Assert.Contains("CN-350000", jurisdictions);
    }

    private IJointProgramGrain Program(string id) => fixture.Grains.GetGrain<IJointProgramGrain>(GrainKeys.Program(id));

    private static CreateJointProgram Tourism(string partnershipId) => new()
    {
        ProgramId = "ignored",
        PartnershipId = partnershipId,
        Sector = Sector.Tourism,
        Title = "Tourism village exchange",
        StartDate = new DateOnly(2025, 7, 30),
        Milestones = [new Milestone("M-1", "Joint promotion event", new DateOnly(2025, 12, 1))],
        Indicators = [new Indicator("I-1", "Visitors exchanged", "people", 200)],
    };

    private async Task<string> ProposeAsync(bool advanceToLetterOfIntent)
    {
        var id = Stories.NewPartnershipId();
        var grain = fixture.Grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(id));
        await grain.ExecuteAsync(Stories.KlatenNanjing(id), Official);
        if (advanceToLetterOfIntent)
        {
            await grain.ExecuteAsync(Stories.LetterOfIntent(new DateOnly(2025, 7, 30), null), Official);
            var advanced = await grain.ExecuteAsync(new AdvanceStage(PartnershipStage.LetterOfIntent), Official);
            Assert.True(advanced.IsAccepted, advanced.Rejection?.Reason);
        }

        return id;
    }

    private async Task<long> CountProgramRowsAsync(string programId)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM collab_programs WHERE program_id = $1");
        command.Parameters.Add(new() { Value = programId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string[]> ReadProgramJurisdictionsAsync(string programId)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT jurisdictions FROM collab_programs WHERE program_id = $1");
        command.Parameters.Add(new() { Value = programId });
        return (string[])(await command.ExecuteScalarAsync())!;
    }
}
