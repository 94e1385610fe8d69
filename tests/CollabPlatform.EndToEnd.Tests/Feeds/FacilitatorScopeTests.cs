using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.EndToEnd.Tests.Feeds;

/// <summary>
/// What each facilitator sees of the four stories (DESIGN.md §3): a region sees the partnerships
/// with a party under it, a ministry its whole country, an explicit facilitator the one it was
/// added to. Checked three ways over gRPC: the feed's history, the partnership list and the
/// dashboard's counts.
/// </summary>
public sealed class FacilitatorScopeTests(SeededHostFixture seeded) : IClassFixture<SeededHostFixture>
{
    private const string Klaten = "Klaten – Nanjing County";
    private const string XiAn = "Surakarta – Xi'an";
    private const string Zhuhai = "Surakarta – Zhuhai";
    private const string Purwakarta = "Purwakarta – Gurye-gun";
    private const string MuaraEnim = "Muara Enim – Japan";

    public static TheoryData<string, string[]> Scopes => new()
    {
        // Jawa Tengah: Klaten and Surakarta are under it; Purwakarta lies in Jawa Barat.
        { "ID-33", [Klaten, XiAn, Zhuhai] },
        { "ID-33.10", [Klaten] },
        { "ID-33.72", [XiAn, Zhuhai] },
        { "ID-32", [Purwakarta] },
        { "ID-16", [MuaraEnim] },
        // Fujian and Zhangzhou see Klaten's tie through Nanjing County; Nanjing the city is elsewhere.
        { "CN-350000", [Klaten] },
        { "CN-350600", [Klaten] },
        { "CN-350627", [Klaten] },
        { "CN-320100", [] },
        { "CN-610000", [XiAn] },
        { "CN-440000", [Zhuhai] },
        { "KR-36", [Purwakarta] },
        // Ministries see their country's every tie.
        { "MINISTRY-ID", [Klaten, XiAn, Zhuhai, Purwakarta, MuaraEnim] },
        { "MINISTRY-CN", [Klaten, XiAn, Zhuhai] },
        { "MINISTRY-KR", [Purwakarta] },
        { "MINISTRY-JP", [MuaraEnim] },
        // Jakarta is above no party; it sees Muara Enim's tie only as its explicit facilitator.
        { SeededHostFixture.ExplicitFacilitator, [MuaraEnim] },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Scope_SeesExactlyThePartnershipsUnderIt_InItsFeedListAndDashboard(string scope, string[] stories)
    {
        var expected = stories.Select(s => seeded.Stories[s]).Order(StringComparer.Ordinal).ToArray();

        var tap = new FeedTap(scope);
        await tap.CatchUpAsync(seeded.Client, seeded.SeededThrough, TimeSpan.FromSeconds(30));
        var listed = await seeded.Client.Partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { FacilitatorId = scope, PageSize = 200 });
        var dashboard = await seeded.Client.Facilitation.GetDashboardSummaryAsync(new GetDashboardSummaryRequest { Scope = scope });
        var ledger = await LedgerScan.ScopeAsync(seeded.ConnectionString, scope, LedgerCursor.Start, tap.Position);

        Assert.Equal(expected, tap.Events.Select(e => e.PartnershipId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(expected, listed.Partnerships.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Empty(listed.NextPageToken);
        Assert.Equal(expected.Length, dashboard.CountsByStage.Sum(c => c.Count));

        // The feed's history is exactly the ledger's events of the scope, in the ledger's order.
        Assert.Equal(ledger.Select(r => r.Cursor.ToString()), tap.Events.Select(e => e.Cursor));
        Assert.Equal(ledger.Select(r => r.PartnershipId), tap.Events.Select(e => e.PartnershipId));
    }

    [Fact]
    public async Task ExplicitFacilitator_SeesTheTieFromTheMomentItWasAdded()
    {
        var tap = new FeedTap(SeededHostFixture.ExplicitFacilitator);
        await tap.CatchUpAsync(seeded.Client, seeded.SeededThrough, TimeSpan.FromSeconds(30));
        var whole = new FeedTap("MINISTRY-JP");
        await whole.CatchUpAsync(seeded.Client, seeded.SeededThrough, TimeSpan.FromSeconds(30));

        // Events are recorded with the jurisdictions of their moment: the history before the
        // facilitator joined stays with the parties' regions and ministries. (Reminders may add
        // overdue events after the seed; only the seeded history is compared.)
        var own = Seeded(tap);
        var country = Seeded(whole);
        Assert.Equal(PartnershipEventType.FacilitatorAdded, own[0].EventType);
        var joined = country.FindIndex(e => e.Cursor == own[0].Cursor);
        Assert.True(joined > 0, "Muara Enim's tie has a history before Jakarta was added, and Japan's ministry saw the addition");
        Assert.Equal(country.Skip(joined), own);
    }

    private List<AgreementEvent> Seeded(FeedTap tap) =>
        [.. tap.Events.Where(e => LedgerCursor.TryParse(e.Cursor, out var cursor) && cursor <= seeded.SeededThrough)];
}
