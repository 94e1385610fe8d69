using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Core;

namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>
/// Page tokens and feed cursors that look like the server's own but were not issued for this call
/// (protos/README.md: tokens go with the filters of the first call; a cursor the server did not
/// issue fails with INVALID_ARGUMENT).
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class PageTokenAndCursorTests(ApiHostFixture host)
{
    [Fact]
    public async Task ListPartnerships_TokenIssuedForOtherFilters_IsInvalidArgumentOnPageToken()
    {
        await BadInputTargets.CreateAsync(host);
        await BadInputTargets.CreateAsync(host);
        var first = await host.Client.Partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { RegionId = BadInputTargets.LocalRegion, PageSize = 1 });
        Assert.NotEqual(string.Empty, first.NextPageToken);

        var error = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            async () => await host.Client.Partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { RegionId = "ID-33", PageSize = 1, PageToken = first.NextPageToken }),
            "second page of ID-35.78's partnerships asked for with region ID-33");

        RpcAssert.NamesField(RpcAssert.HasBadRequest(error, "token of other filters"), "page_token", "token of other filters");
    }

    [Fact]
    public async Task ListJointPrograms_TokenOfAnotherList_IsInvalidArgumentOnPageToken()
    {
        await BadInputTargets.CreateAsync(host);
        await BadInputTargets.CreateAsync(host);
        var partnerships = await host.Client.Partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { RegionId = BadInputTargets.LocalRegion, PageSize = 1 });

        var error = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            async () => await host.Client.JointPrograms.ListJointProgramsAsync(new ListJointProgramsRequest { PageToken = partnerships.NextPageToken }),
            "a ListPartnerships page token given to ListJointPrograms");

        RpcAssert.NamesField(RpcAssert.HasBadRequest(error, "token of another list"), "page_token", "token of another list");
    }

    [Fact]
    public async Task WatchAgreements_CursorPastTheEndOfTheLedger_IsInvalidArgument()
    {
        using var call = host.Client.Facilitation.WatchAgreements(
            new WatchAgreementsRequest { Scope = "ID-33", AfterCursor = "999999999.0" },
            deadline: DateTime.UtcNow.AddSeconds(5));

        var error = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            async () => await call.ResponseStream.MoveNext(CancellationToken.None),
            "watch ID-33 after the never-issued cursor 999999999.0");

        RpcAssert.NamesField(RpcAssert.HasBadRequest(error, "cursor past the end"), "after_cursor", "cursor past the end");
    }
}
