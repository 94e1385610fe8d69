using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CsCheck;
using Google.Protobuf.WellKnownTypes;
using Xunit.Abstractions;
using static CollabPlatform.EndToEnd.Tests.BadInput.BadInputRunner;

namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>Generated bad input against every RegionService rpc.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class RegionServiceBadInputTests(ApiHostFixture host, ITestOutputHelper output)
{
    /// <summary>Only bad input ever reaches this region, so its version must stay where it was.</summary>
    private const string Target = BadInputTargets.LocalRegion;

    [Fact]
    public async Task GetRegion_GeneratedBadIds_AreClientErrors()
    {
        var cases = Cases(() => new GetRegionRequest { RegionId = Target }, Set<GetRegionRequest, string>("region_id", BadValues.BadRegionId, (r, v) => r.RegionId = v));

        await RunAsync(host, output, "GetRegion", cases, async r => await host.Client.Regions.GetRegionAsync(r));
    }

    [Fact]
    public async Task SearchRegions_GeneratedBadQueries_AreClientErrors()
    {
        var cases = Cases(
            () => new SearchRegionsRequest { Query = "Nanjing" },
            Set<SearchRegionsRequest, string>("query", BadValues.Blank, (r, v) => r.Query = v),
            Set<SearchRegionsRequest, string>("query", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Query = v),
            Set<SearchRegionsRequest, string>("country", Gen.OneOf("C", "CHN", "1D", "C N", "中国", "ID-33"), (r, v) => r.Country = v));

        await RunAsync(host, output, "SearchRegions", cases, async r => await host.Client.Regions.SearchRegionsAsync(r));
    }

    [Fact]
    public async Task ListChildRegions_GeneratedBadParentsAndTokens_AreClientErrors()
    {
        var cases = Cases(
            () => new ListChildRegionsRequest { ParentId = "ID-33" },
            Set<ListChildRegionsRequest, string>("parent_id", BadValues.BadRegionId, (r, v) => r.ParentId = v),
            Set<ListChildRegionsRequest, string>("page_token", BadValues.BadToken, (r, v) => r.PageToken = v));

        await RunAsync(host, output, "ListChildRegions", cases, async r => await host.Client.Regions.ListChildRegionsAsync(r));
    }

    [Fact]
    public async Task UpdateRegionProfile_GeneratedBadProfiles_AreClientErrorsAndChangeNothing()
    {
        var before = await VersionAsync();
        var cases = Cases(
            () => new UpdateRegionProfileRequest
            {
                RequestId = BadInputTargets.NewRequestId(),
                RegionId = Target,
                Profile = new RegionProfile
                {
                    Strengths = { "shipbuilding and port services" },
                    PrioritySectors = { Sector.Trade },
                    CooperationOffice = new OfficeContact { OfficeName = "Bagian Kerja Sama", Email = "kerjasama@example.go.id" },
                },
            },
            Set<UpdateRegionProfileRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<UpdateRegionProfileRequest, string>("region_id", BadValues.BadRegionId, (r, v) => r.RegionId = v),
            Set<UpdateRegionProfileRequest, int>("profile.strengths[]", Gen.Int[BadValues.ListLimit + 1, 200], (r, n) => r.Profile.Strengths.AddRange(Enumerable.Range(0, n).Select(i => $"strength {i}"))),
            Set<UpdateRegionProfileRequest, string>("profile.strengths[0]", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Profile.Strengths[0] = v),
            Set<UpdateRegionProfileRequest, string>("profile.strengths[0]", BadValues.Blank, (r, v) => r.Profile.Strengths[0] = v),
            Set<UpdateRegionProfileRequest, int>("profile.priority_sectors[]", BadValues.UnknownEnum, (r, v) => r.Profile.PrioritySectors.Add((Sector)v)),
            Fixed<UpdateRegionProfileRequest>("profile.priority_sectors[]=UNSPECIFIED", r => r.Profile.PrioritySectors.Add(Sector.Unspecified)),
            Set<UpdateRegionProfileRequest, string>("profile.cooperation_office.email", BadValues.TooLong(BadValues.ContactLimit), (r, v) => r.Profile.CooperationOffice.Email = v),
            Set<UpdateRegionProfileRequest, string>("profile.cooperation_office.office_name", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.Profile.CooperationOffice.OfficeName = v),
            Set<UpdateRegionProfileRequest, string>("profile.cooperation_office.address", BadValues.TooLong(BadValues.TextLimit), (r, v) => r.Profile.CooperationOffice.Address = v),
            Set<UpdateRegionProfileRequest, string>("update_mask", Gen.OneOf("nonsense", "strengths.name", "profile.strengths", "region_id"), (r, v) => r.UpdateMask = new FieldMask { Paths = { v } }),
            Fixed<UpdateRegionProfileRequest>("profile=unset", r => r.Profile = null, removes: true));

        await RunAsync(host, output, "UpdateRegionProfile", cases, async r => await host.Client.As(BadInputTargets.Official).Regions.UpdateRegionProfileAsync(r));

        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task RecordHeadChange_GeneratedBadHeads_AreClientErrorsAndChangeNothing()
    {
        var before = await VersionAsync();
        var cases = Cases(
            () => new RecordHeadChangeRequest
            {
                RequestId = BadInputTargets.NewRequestId(),
                RegionId = Target,
                NewHead = new RegionHead { Name = "Bad Input Test Head", Title = "Wali Kota", TermStart = new Google.Type.Date { Year = 2021, Month = 2, Day = 26 } },
            },
            Set<RecordHeadChangeRequest, string>("request_id", BadValues.BadRequestId, (r, v) => r.RequestId = v),
            Set<RecordHeadChangeRequest, string>("region_id", BadValues.BadRegionId, (r, v) => r.RegionId = v),
            Set<RecordHeadChangeRequest, string>("new_head.name", BadValues.Blank, (r, v) => r.NewHead.Name = v),
            Set<RecordHeadChangeRequest, string>("new_head.name", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.NewHead.Name = v),
            Set<RecordHeadChangeRequest, string>("new_head.title", BadValues.TooLong(BadValues.NameLimit), (r, v) => r.NewHead.Title = v),
            Set<RecordHeadChangeRequest, Google.Type.Date>("new_head.term_start", BadValues.BadDate, (r, v) => r.NewHead.TermStart = v),
            Set<RecordHeadChangeRequest, Google.Type.Date>("new_head.term_start", BadValues.FutureDate, (r, v) => r.NewHead.TermStart = v),
            Fixed<RecordHeadChangeRequest>("new_head.term_start=unset", r => r.NewHead.TermStart = null),
            Fixed<RecordHeadChangeRequest>("new_head.term_end=before term_start", r => r.NewHead.TermEnd = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 }),
            Set<RecordHeadChangeRequest, Google.Type.Date>("new_head.term_end", BadValues.BadDate, (r, v) => r.NewHead.TermEnd = v),
            Fixed<RecordHeadChangeRequest>("new_head=unset", r => r.NewHead = null, removes: true));

        await RunAsync(host, output, "RecordHeadChange", cases, async r => await host.Client.As(BadInputTargets.Official).Regions.RecordHeadChangeAsync(r));

        Assert.Equal(before, await VersionAsync());
    }

    private async Task<long> VersionAsync() =>
        (await host.Client.Regions.GetRegionAsync(new GetRegionRequest { RegionId = Target })).Region.Version;
}
