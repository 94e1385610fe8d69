using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Regions;
using Grpc.Core;

namespace CollabPlatform.Api.Tests.Services;

public sealed class RegionGrpcServiceTests : IDisposable
{
    private readonly ServiceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Search_Nanjing_ReturnsBothNamesakesAsAmbiguous()
    {
        var response = await _fixture.Regions.SearchRegions(new SearchRegionsRequest { Query = "Kota Nanjing" }, new TestServerCallContext());

        Assert.True(response.Ambiguous);
        Assert.Equal(["CN-320100", "CN-350627"], response.Matches.Select(m => m.Region.Id));
        Assert.Contains("Nanjing County, Zhangzhou City, Fujian, CN", response.Matches.Select(m => m.DisplayName));
        Assert.Equal(["CN-350000", "CN-350600"], response.Matches[1].Region.Ancestors.Select(a => a.Id));
    }

    [Fact]
    public async Task Get_UnknownRegion_IsRegionNotFound()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => _fixture.Regions.GetRegion(new GetRegionRequest { RegionId = "ID-99" }, new TestServerCallContext()));

        Assert.Equal(ErrorReasons.RegionNotFound, RpcAssert.Info(ex).Reason);
    }

    [Fact]
    public async Task ListChildren_PagedThroughWithTokens_ReturnsEveryChildOnceInIdOrder()
    {
        var expected = RegionCatalog.Default.ChildrenOf(RegionId.Parse("ID-33")).Select(r => r.Id.ToString()).Order(StringComparer.Ordinal).ToList();
        var seen = new List<string>();
        var token = string.Empty;

        do
        {
            var page = await _fixture.Regions.ListChildRegions(new ListChildRegionsRequest { ParentId = "ID-33", PageSize = 7, PageToken = token }, new TestServerCallContext());
            Assert.True(page.Regions.Count <= 7);
            seen.AddRange(page.Regions.Select(r => r.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(expected, seen);
        Assert.Contains("ID-33.10", seen);
    }

    [Fact]
    public async Task ListChildren_OfACountry_ListsItsProvinces()
    {
        var page = await _fixture.Regions.ListChildRegions(new ListChildRegionsRequest { ParentId = "ID", PageSize = 200 }, new TestServerCallContext());

        Assert.Contains("ID-33", page.Regions.Select(r => r.Id));
        Assert.All(page.Regions, r => Assert.Equal(1, r.Level));
    }

    [Fact]
    public async Task ListChildren_WithATokenOfAnotherParent_IsInvalidArgument()
    {
        var first = await _fixture.Regions.ListChildRegions(new ListChildRegionsRequest { ParentId = "ID-33", PageSize = 1 }, new TestServerCallContext());

        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => _fixture.Regions.ListChildRegions(
            new ListChildRegionsRequest { ParentId = "ID-32", PageToken = first.NextPageToken }, new TestServerCallContext()));

        Assert.Equal(["page_token"], RpcAssert.ViolatedFields(ex));
    }

    [Fact]
    public async Task ListChildren_OfAnUnknownCountry_IsRegionNotFound()
    {
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => _fixture.Regions.ListChildRegions(new ListChildRegionsRequest { ParentId = "US" }, new TestServerCallContext()));
    }
}
