using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;
using static CollabPlatform.EndToEnd.Tests.BadInput.BadInputRunner;

namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>Generated bad input against every FacilitationService rpc, the feed included.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class FacilitationServiceBadInputTests(ApiHostFixture host, ITestOutputHelper output)
{
    /// <summary>Scopes that are malformed or name no jurisdiction.</summary>
    private static readonly Gen<string> BadScope = Gen.OneOf(BadValues.BadRegionId, Gen.OneOf("MINISTRY-", "MINISTRY-XXX", "MINISTRY-1D", "MINISTRY", "ID", "*"));

    [Fact]
    public async Task WatchAgreements_GeneratedBadScopesAndCursors_FailBeforeAnyEvent()
    {
        var cases = Cases(
            () => new WatchAgreementsRequest { Scope = "ID-35" },
            Set<WatchAgreementsRequest, string>("scope", BadScope, (r, v) => r.Scope = v),
            Set<WatchAgreementsRequest, string>("after_cursor", BadValues.BadToken, (r, v) => r.AfterCursor = v));

        // An accepted watch never ends on its own: the deadline turns acceptance into a failure
        // (DEADLINE_EXCEEDED) instead of a hang, and keeps the iteration count small.
        await RunAsync(host, output, "WatchAgreements", cases, WatchFirstMessageAsync, iterations: 60);
    }

    [Fact]
    public async Task GetDashboardSummary_GeneratedBadScopesAndLimits_AreClientErrors()
    {
        var cases = Cases(
            () => new GetDashboardSummaryRequest { Scope = "ID-35" },
            Set<GetDashboardSummaryRequest, string>("scope", BadScope, (r, v) => r.Scope = v),
            Set<GetDashboardSummaryRequest, int>("expiring_within_days", Gen.Int[int.MinValue, -1], (r, v) => r.ExpiringWithinDays = v),
            Set<GetDashboardSummaryRequest, int>("recent_activity_limit", Gen.Int[int.MinValue, -1], (r, v) => r.RecentActivityLimit = v));

        await RunAsync(host, output, "GetDashboardSummary", cases, async r => await host.Client.Facilitation.GetDashboardSummaryAsync(r));
    }

    [Fact]
    public async Task ListOverdue_GeneratedBadScopesAndTokens_AreClientErrors()
    {
        var cases = Cases(
            () => new ListOverdueRequest { Scope = "ID-35" },
            Set<ListOverdueRequest, string>("scope", BadScope, (r, v) => r.Scope = v),
            Set<ListOverdueRequest, string>("page_token", BadValues.BadToken, (r, v) => r.PageToken = v));

        await RunAsync(host, output, "ListOverdue", cases, async r => await host.Client.Facilitation.ListOverdueAsync(r));
    }

    private async Task WatchFirstMessageAsync(WatchAgreementsRequest request)
    {
        using var call = host.Client.Facilitation.WatchAgreements(request, deadline: DateTime.UtcNow.AddSeconds(5));
        if (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            throw new InvalidOperationException($"the watch was accepted and sent {call.ResponseStream.Current.PayloadCase}");
        }

        throw new InvalidOperationException("the watch was accepted and ended without an error");
    }
}
