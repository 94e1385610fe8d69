using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Partnerships;

/// <summary>Termination, expiry, facilitators and sectors.</summary>
public sealed class PartnershipLifecycleTests
{
    public static TheoryData<PartnershipStage> LiveStages() => new(Enum.GetValues<PartnershipStage>().Where(s => s != PartnershipStage.Terminated));

    [Theory]
    [MemberData(nameof(LiveStages))]
    public void Terminate_AtAnyStageButTerminated_IsAccepted(PartnershipStage stage)
    {
        var builder = new PartnershipBuilder().AdvancedTo(stage);

        builder.Execute(new TerminatePartnership("both sides agreed to end the tie", TestData.Date(2025, 6, 30)));

        var partnership = builder.Build();
        var terminated = Assert.IsType<PartnershipTerminated>(builder.Events[^1]);
        Assert.Equal(stage, terminated.FromStage);
        Assert.Equal(PartnershipStage.Terminated, partnership.Stage);
        Assert.Null(partnership.NextDeadline);
        Assert.Null(partnership.StageBeforeExpiry);
    }

    [Fact]
    public void Terminate_Twice_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Terminated);

        builder.Build().Decide(new TerminatePartnership("again", TestData.Date(2025, 6, 30)), TestData.Catalog, builder.Ctx)
            .AssertRejected(RejectionKind.FailedPrecondition, "terminated");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Terminate_WithoutReason_IsRejected(string reason)
    {
        var partnership = new PartnershipBuilder().Build();

        var rejection = partnership.Decide(new TerminatePartnership(reason, TestData.Date(2025, 6, 30)), TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("reason", rejection.Field);
    }

    [Fact]
    public void Terminate_WithoutEffectiveDate_IsRejected()
    {
        var partnership = new PartnershipBuilder().Build();

        Assert.Equal("effective_date", partnership.Decide(new TerminatePartnership("ended", default), TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void CheckDeadlines_OnTheLastValidDay_DoesNothing()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Implementation);
        var lastMoment = new DateTimeOffset(2029, 12, 31, 23, 59, 59, TimeSpan.Zero);

        var events = builder.Build().Decide(new CheckDeadlines(), TestData.Catalog, TestData.Ctx(lastMoment)).AssertAccepted();

        Assert.Empty(events);
    }

    [Fact]
    public void CheckDeadlines_OnceTheWindowHasEnded_Expires()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Implementation);
        var partnership = builder.Build();
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), partnership.NextDeadline);

        var expired = partnership.Decide(new CheckDeadlines(), TestData.Catalog, TestData.Ctx(partnership.NextDeadline)).AssertSingle<PartnershipEvent, PartnershipExpired>();

        Assert.Equal(TestData.Date(2029, 12, 31), expired.Expires);
        Assert.Equal(PartnershipStage.Implementation, expired.FromStage);
        Assert.Equal(partnership.CurrentAgreementId, expired.DocumentId);
    }

    [Fact]
    public void CheckDeadlines_AfterExpiry_RemembersTheStageAndClearsTheDeadline()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Evaluation);

        builder.At(new DateTimeOffset(2030, 2, 1, 0, 0, 0, TimeSpan.Zero)).Execute(new CheckDeadlines());

        var partnership = builder.Build();
        Assert.Equal(PartnershipStage.Expired, partnership.Stage);
        Assert.Equal(PartnershipStage.Evaluation, partnership.StageBeforeExpiry);
        Assert.Null(partnership.NextDeadline);
    }

    [Fact]
    public void CheckDeadlines_WhenAlreadyExpired_DoesNothing()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Expired);

        Assert.Empty(builder.Build().Decide(new CheckDeadlines(), TestData.Catalog, TestData.Ctx(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero))).AssertAccepted());
    }

    [Fact]
    public void CheckDeadlines_WhenTerminated_DoesNothing()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.Agreement).AdvancedTo(PartnershipStage.Terminated);

        Assert.Empty(builder.Build().Decide(new CheckDeadlines(), TestData.Catalog, TestData.Ctx(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero))).AssertAccepted());
    }

    [Fact]
    public void CheckDeadlines_WithOpenEndedAgreement_HasNoDeadline()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.Agreement, new ValidityWindow(TestData.Date(2025, 1, 1))).AdvancedTo(PartnershipStage.Implementation);

        Assert.Null(builder.Build().NextDeadline);
        Assert.Empty(builder.Build().Decide(new CheckDeadlines(), TestData.Catalog, TestData.Ctx(DateTimeOffset.MaxValue)).AssertAccepted());
    }

    [Fact]
    public void CheckDeadlines_WithoutAnyWindow_DoesNothing()
    {
        var partnership = new PartnershipBuilder().Build();

        Assert.Null(partnership.NextDeadline);
        Assert.Empty(partnership.Decide(new CheckDeadlines(), TestData.Catalog, TestData.Ctx()).AssertAccepted());
    }

    [Theory]
    [InlineData("ID-33", "provincial facilitator")]
    [InlineData("CN-350000", "Fujian foreign affairs office")]
    [InlineData("MINISTRY-ID", "Kemendagri")]
    public void AddFacilitator_KnownJurisdiction_IsAdded(string jurisdiction, string role)
    {
        var builder = new PartnershipBuilder();

        builder.Execute(new AddFacilitator(jurisdiction, role));

        var facilitator = Assert.Single(builder.Build().Facilitators);
        Assert.Equal(new FacilitatorAssignment(jurisdiction, role, TestData.Now, "official@klatenkab.go.id"), facilitator);
    }

    [Theory]
    [InlineData("ID-99")]
    [InlineData("id-33")]
    [InlineData("MINISTRY-")]
    [InlineData("MINISTRY-id")]
    [InlineData("MINISTRY-IDN")]
    [InlineData("Jawa Tengah")]
    public void AddFacilitator_UnknownJurisdiction_IsRejected(string jurisdiction)
    {
        var partnership = new PartnershipBuilder().Build();

        var rejection = partnership.Decide(new AddFacilitator(jurisdiction, "facilitator"), TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument, "MINISTRY-ID");

        Assert.Equal("jurisdiction", rejection.Field);
    }

    [Fact]
    public void AddFacilitator_Twice_IsAlreadyExists()
    {
        var builder = new PartnershipBuilder().Execute(new AddFacilitator("ID-33", "provincial facilitator"));

        builder.Build().Decide(new AddFacilitator("ID-33", "another role"), TestData.Catalog, builder.Ctx).AssertRejected(RejectionKind.AlreadyExists, "ID-33 already facilitates");
    }

    [Fact]
    public void AddFacilitator_WithoutRole_IsRejected()
    {
        var partnership = new PartnershipBuilder().Build();

        Assert.Equal("role", partnership.Decide(new AddFacilitator("ID-33", ""), TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void AddFacilitator_AfterTermination_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Terminated);

        builder.Build().Decide(new AddFacilitator("ID-33", "provincial facilitator"), TestData.Catalog, builder.Ctx).AssertRejected(RejectionKind.FailedPrecondition);
    }

    [Fact]
    public void UpdatePrioritySectors_NewList_RaisesChangeWithThePreviousList()
    {
        var builder = new PartnershipBuilder();

        builder.Execute(new UpdatePrioritySectors([Sector.Tourism, Sector.Msme, Sector.Agriculture]));

        var changed = Assert.IsType<PrioritySectorsChanged>(builder.Events[^1]);
        Assert.Equal([Sector.Tourism], changed.Previous);
        Assert.Equal([Sector.Tourism, Sector.Msme, Sector.Agriculture], builder.Build().PrioritySectors);
    }

    [Fact]
    public void UpdatePrioritySectors_SameList_AcceptsWithoutEvents()
    {
        var partnership = new PartnershipBuilder().Build();

        Assert.Empty(partnership.Decide(new UpdatePrioritySectors([Sector.Tourism]), TestData.Catalog, TestData.Ctx()).AssertAccepted());
    }

    [Fact]
    public void UpdatePrioritySectors_Repeated_IsRejected()
    {
        var partnership = new PartnershipBuilder().Build();

        Assert.Equal("sectors", partnership.Decide(new UpdatePrioritySectors([Sector.Trade, Sector.Trade]), TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Decide_DoesNotChangeState()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Exploration);
        var partnership = builder.Build();
        var before = (partnership.Version, partnership.Stage, partnership.Documents.Count, partnership.History.Count);

        partnership.Decide(builder.Document(DocumentKind.LetterOfIntent), TestData.Catalog, builder.Ctx).AssertAccepted();

        Assert.Equal(before, (partnership.Version, partnership.Stage, partnership.Documents.Count, partnership.History.Count));
    }
}
