using CollabPlatform.Contracts.V1;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Api.Validation;

/// <summary>One validator per FacilitationService request; each collects every violation of its request.</summary>
internal static class FacilitationRequestValidator
{
    /// <summary>Cursors the server issues are two numbers; anything much longer is not one.</summary>
    private const int MaxCursorLength = 64;

    public static Violations Validate(WatchAgreementsRequest request, out LedgerCursor after)
    {
        var v = MessageRules.Start(request);
        v.Jurisdiction(request.Scope, "scope", required: true, out _);
        after = LedgerCursor.Start;
        if (request.AfterCursor.Length > MaxCursorLength || !LedgerCursor.TryParse(request.AfterCursor, out after))
        {
            v.Add("after_cursor", "after_cursor is not a cursor this server issued: pass the cursor of the last event or heartbeat you processed, unchanged, or leave it empty to replay the whole history");
        }

        return v;
    }

    public static Violations Validate(GetDashboardSummaryRequest request)
    {
        var v = MessageRules.Start(request);
        v.Jurisdiction(request.Scope, "scope", required: true, out _);
        if (request.ExpiringWithinDays < 0)
        {
            v.Add("expiring_within_days", $"expiring_within_days must not be negative; {request.ExpiringWithinDays} was given (0 means 90 days)");
        }

        if (request.RecentActivityLimit < 0)
        {
            v.Add("recent_activity_limit", $"recent_activity_limit must not be negative; {request.RecentActivityLimit} was given (0 means 10, the most is 100)");
        }

        return v;
    }

    /// <summary>Everything but <c>page_token</c>, which is checked against the scope once it is known.</summary>
    public static Violations Validate(ListOverdueRequest request)
    {
        var v = MessageRules.Start(request);
        v.Jurisdiction(request.Scope, "scope", required: true, out _);
        v.PageSize(request.PageSize);
        return v;
    }
}
