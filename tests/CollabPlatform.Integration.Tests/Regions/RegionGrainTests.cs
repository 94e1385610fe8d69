using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.RegionProfiles;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Integration.Tests.Infrastructure;

namespace CollabPlatform.Integration.Tests.Regions;

[Collection(ClusterCollection.Name)]
public sealed class RegionGrainTests(ClusterFixture fixture)
{
    private static readonly CommandMetadata Official = new("official:ID-32.14", Principal: new Principal("official:ID-32.14", Role.RegionOfficial, "ID-32.14"));

    [Fact]
    public async Task HeadChange_IsKeptInGrainStorageAcrossRestartWithoutResettingTheProfile()
    {
        var region = RegionId.Parse("ID-32.14");
        var grain = fixture.Grains.GetGrain<IRegionGrain>(GrainKeys.Region(region.ToString()));
        await grain.ExecuteAsync(new UpdateRegionProfile { RegionId = region, Strengths = ["Agriculture"], PrioritySectors = [Sector.Agriculture, Sector.Tourism] }, Official with { RequestId = "profile-1" });
        await grain.ExecuteAsync(new RecordHeadChange { RegionId = region, Head = new RegionHead("Anne Ratna Mustika", "Bupati", new DateOnly(2018, 9, 20)) }, Official);
        var second = await grain.ExecuteAsync(new RecordHeadChange { RegionId = region, Head = new RegionHead("Saepul Bahri Binzein", "Bupati", new DateOnly(2025, 2, 20)) }, Official);

        await fixture.RestartClusterAsync();
        var snapshot = await fixture.Grains.GetGrain<IRegionGrain>(GrainKeys.Region(region.ToString())).GetAsync();
        var retry = await fixture.Grains.GetGrain<IRegionGrain>(GrainKeys.Region(region.ToString()))
            .ExecuteAsync(new UpdateRegionProfile { RegionId = region, Strengths = ["Agriculture"], PrioritySectors = [Sector.Agriculture, Sector.Tourism] }, Official with { RequestId = "profile-1" });
        var profile = RegionProfile.FromHistory(snapshot.Events);

        Assert.True(second.IsAccepted, second.Rejection?.Reason);
        Assert.Equal(3, profile.Version);
        Assert.Equal("Saepul Bahri Binzein", profile.CurrentHead!.Name);
        Assert.Equal("Anne Ratna Mustika", Assert.Single(profile.HeadHistory).Name);
        Assert.Equal([Sector.Agriculture, Sector.Tourism], profile.PrioritySectors);
        Assert.True(retry.Replayed);
        Assert.Equal(1, retry.Snapshot!.Version);
    }
}
