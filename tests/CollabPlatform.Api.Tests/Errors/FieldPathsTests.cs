using CollabPlatform.Api.Errors;

namespace CollabPlatform.Api.Tests.Errors;

public sealed class FieldPathsTests
{
    [Theory]
    [InlineData("local_region", "local_region_id")]
    [InlineData("counterpart.region", "counterpart.foreign_region_id")]
    [InlineData("counterpart.institution.country", "counterpart.institution.country")]
    [InlineData("actor", "authorization")]
    public void Propose_MapsDomainFieldsToRequestFields(string domain, string request) => Assert.Equal(request, FieldPaths.Propose(domain));

    [Theory]
    [InlineData("date", "meeting.date")]
    [InlineData("next_steps[2].target_date", "meeting.next_steps[2].target_date")]
    [InlineData("meeting_id", "request_id")]
    public void Meeting_MapsDomainFieldsToRequestFields(string domain, string request) => Assert.Equal(request, FieldPaths.Meeting(domain));

    [Theory]
    [InlineData("validity.expires", "document.validity.expiry_date")]
    [InlineData("validity.effective", "document.validity.effective_date")]
    [InlineData("signatories[0].name", "document.signatories[0].name")]
    [InlineData("request_id", "request_id")]
    public void Document_MapsDomainFieldsToRequestFields(string domain, string request) => Assert.Equal(request, FieldPaths.Document(domain));

    [Theory]
    [InlineData("reason", "reason")]
    [InlineData("validity.effective", "document.validity.effective_date")]
    public void Renew_MapsDomainFieldsToRequestFields(string domain, string request) => Assert.Equal(request, FieldPaths.Renew(domain));

    [Theory]
    [InlineData("milestones[3].due", "milestones[3].due_date")]
    [InlineData("milestones[3].completed_on", "milestones[3].completed_date")]
    [InlineData("program_id", "request_id")]
    public void CreateProgram_MapsDomainFieldsToRequestFields(string domain, string request) => Assert.Equal(request, FieldPaths.CreateProgram(domain));

    [Fact]
    public void OtherRpcs_MapTheirRenamedFields()
    {
        Assert.Equal("target_stage", FieldPaths.Advance("target"));
        Assert.Equal("priority_sectors", FieldPaths.Sectors("sectors"));
        Assert.Equal("jurisdiction_id", FieldPaths.Facilitator("jurisdiction"));
        Assert.Equal("status", FieldPaths.Progress("new_status"));
        Assert.Equal("milestone_completions[0].completed_date", FieldPaths.Progress("milestone_completions[0].completed_on"));
        Assert.Equal("report.period_end", FieldPaths.Report("period_end"));
        Assert.Equal("evaluation.score", FieldPaths.Evaluation("score"));
        Assert.Equal("profile.cooperation_office.office_name", FieldPaths.RegionProfile("office.name"));
        Assert.Equal("profile.cooperation_office.email", FieldPaths.RegionProfile("office.email"));
        Assert.Equal("profile.strengths[1]", FieldPaths.RegionProfile("strengths[1]"));
        Assert.Equal("new_head.term_end", FieldPaths.HeadChange("head.term_end"));
        Assert.Equal("effective_date", FieldPaths.Terminate("effective_date"));
    }
}
