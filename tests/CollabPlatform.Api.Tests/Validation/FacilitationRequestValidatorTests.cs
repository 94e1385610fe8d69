using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Api.Tests.Validation;

public sealed class FacilitationRequestValidatorTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("0.0", true)]
    [InlineData("764.12", true)]
    [InlineData("764", false)]
    [InlineData("abc", false)]
    [InlineData("-1.2", false)]
    [InlineData("1.2.3", false)]
    [InlineData("99999999999999999999999.1", false)]
    public void Validate_Watch_AcceptsOnlyCursorsTheServerIssues(string cursor, bool valid)
    {
        var violations = FacilitationRequestValidator.Validate(new WatchAgreementsRequest { Scope = "ID-33", AfterCursor = cursor }, out var after);

        Assert.Equal(valid ? [] : ["after_cursor"], violations.Fields);
        if (valid && cursor.Length > 0)
        {
            Assert.Equal(cursor, after.ToString());
        }
    }

    [Fact]
    public void Validate_WatchWithoutScope_NamesTheScope()
    {
        var violations = FacilitationRequestValidator.Validate(new WatchAgreementsRequest(), out var after);

        Assert.Equal(["scope"], violations.Fields);
        Assert.Equal(LedgerCursor.Start, after);
    }

    [Fact]
    public void Validate_Dashboard_RefusesNegativeNumbersAndBadScopes()
    {
        var violations = FacilitationRequestValidator.Validate(new GetDashboardSummaryRequest { Scope = "MINISTRY-", ExpiringWithinDays = -1, RecentActivityLimit = -1 });

        Assert.Equal(["scope", "expiring_within_days", "recent_activity_limit"], violations.Fields);
        Assert.True(FacilitationRequestValidator.Validate(new GetDashboardSummaryRequest { Scope = "MINISTRY-ID", ExpiringWithinDays = 100000, RecentActivityLimit = 1000 }).IsValid);
    }

    [Fact]
    public void Validate_Overdue_ChecksScopeAndPageSize()
    {
        Assert.Equal(["scope", "page_size"], FacilitationRequestValidator.Validate(new ListOverdueRequest { Scope = "Fujian", PageSize = -1 }).Fields);
        Assert.True(FacilitationRequestValidator.Validate(new ListOverdueRequest { Scope = "CN-350000" }).IsValid);
    }
}
