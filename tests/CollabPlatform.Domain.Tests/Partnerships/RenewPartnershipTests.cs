using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Partnerships;

public sealed class RenewPartnershipTests
{
    private static RenewPartnership Renewal(DateOnly effective, DateOnly? expires = null, DateOnly? date = null) => new()
    {
        DocumentId = "renewal-1",
        Number = "R/1",
        Date = date ?? effective,
        Place = "Klaten",
        Title = "Renewed document",
        Validity = new ValidityWindow(effective, expires ?? effective.AddYears(5).AddDays(-1)),
        Reason = "the previous document expires",
    };

    private static Decision<PartnershipEvent> Renew(PartnershipBuilder builder, RenewPartnership command) =>
        builder.Build().Decide(command, TestData.Catalog, builder.Ctx);

    [Theory]
    [InlineData(PartnershipStage.Signed)]
    [InlineData(PartnershipStage.Implementation)]
    [InlineData(PartnershipStage.Evaluation)]
    public void Renew_AtASignedStage_AddsASupersedingAgreementAndKeepsTheStage(PartnershipStage stage)
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.Agreement, id: "mou-2025").AdvancedTo(stage);

        builder.Execute(Renewal(TestData.Date(2025, 6, 1)));

        var partnership = builder.Build();
        var renewed = Assert.IsType<PartnershipRenewed>(builder.Events[^1]);
        Assert.Equal("mou-2025", renewed.PreviousDocumentId);
        Assert.Equal(DocumentKind.Agreement, renewed.Document.Kind);
        Assert.Equal("mou-2025", renewed.Document.SupersedesDocumentId);
        Assert.Equal(stage, partnership.Stage);
        Assert.Equal("renewal-1", partnership.CurrentAgreementId);
        Assert.Equal(renewed.Validity, partnership.Validity);
        Assert.Contains(partnership.Documents, d => d.Id == "mou-2025");
    }

    [Fact]
    public void Renew_AtLetterOfIntent_AddsASupersedingLetterOfIntent()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.LetterOfIntent, date: TestData.Date(2015, 9, 25), id: "loi-2015").AdvancedTo(PartnershipStage.LetterOfIntent);

        builder.Execute(Renewal(TestData.Date(2021, 10, 1)));

        var partnership = builder.Build();
        Assert.Equal("renewal-1", partnership.CurrentLetterOfIntentId);
        Assert.Equal(DocumentKind.LetterOfIntent, partnership.Documents[^1].Kind);
        Assert.Equal(PartnershipStage.LetterOfIntent, partnership.Stage);
    }

    [Theory]
    [InlineData(PartnershipStage.Initiative)]
    [InlineData(PartnershipStage.Exploration)]
    [InlineData(PartnershipStage.CooperationPlan)]
    [InlineData(PartnershipStage.CouncilApproval)]
    [InlineData(PartnershipStage.CentralReview)]
    [InlineData(PartnershipStage.Drafting)]
    public void Renew_AtAStageWithoutAGoverningDocumentToRenew_IsRejected(PartnershipStage stage)
    {
        var builder = new PartnershipBuilder().WithAllGateDocuments().AdvancedTo(stage);

        Renew(builder, Renewal(TestData.Date(2025, 6, 1))).AssertRejected(RejectionKind.FailedPrecondition, $"at {stage} cannot be renewed");
    }

    [Fact]
    public void Renew_WithAKindTheStageDoesNotRenew_IsRejected()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.LetterOfIntent, date: TestData.Date(2025, 3, 1)).AdvancedTo(PartnershipStage.LetterOfIntent);

        var decision = Renew(builder, Renewal(TestData.Date(2025, 6, 1)) with { Kind = DocumentKind.Agreement });

        decision.AssertRejected(RejectionKind.FailedPrecondition, "a renewal replaces the LetterOfIntent with a new LetterOfIntent; the document given is of kind Agreement");
    }

    [Fact]
    public void Renew_AfterTermination_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Terminated);

        Renew(builder, Renewal(TestData.Date(2025, 6, 1))).AssertRejected(RejectionKind.FailedPrecondition, "terminated");
    }

    [Fact]
    public void Renew_FromExpiredAgreementAlreadyInForce_ReturnsToImplementation()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Evaluation).At(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero)).Execute(new CheckDeadlines());
        Assert.Equal(PartnershipStage.Evaluation, builder.Build().StageBeforeExpiry);

        builder.Execute(Renewal(TestData.Date(2030, 1, 1)));

        var partnership = builder.Build();
        Assert.Equal(PartnershipStage.Implementation, partnership.Stage);
        Assert.Null(partnership.StageBeforeExpiry);
        Assert.Equal(new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero), partnership.NextDeadline);
    }

    [Fact]
    public void Renew_FromExpiredAgreementTakingEffectLater_WaitsAtSigned()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Expired);

        builder.Execute(Renewal(TestData.Date(2030, 3, 1), date: TestData.Date(2029, 12, 20)));

        Assert.Equal(PartnershipStage.Signed, builder.Build().Stage);
    }

    [Fact]
    public void Renew_FromExpiredLetterOfIntent_ReturnsToTheStageBeforeExpiry()
    {
        var loiWindow = new ValidityWindow(TestData.Date(2024, 1, 1), TestData.Date(2025, 12, 31));
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.LetterOfIntent, loiWindow, id: "loi-1").AdvancedTo(PartnershipStage.CooperationPlan);
        builder.At(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).Execute(new CheckDeadlines());
        Assert.Equal(PartnershipStage.Expired, builder.Build().Stage);

        builder.Execute(Renewal(TestData.Date(2026, 1, 1)));

        var partnership = builder.Build();
        Assert.Equal(PartnershipStage.CooperationPlan, partnership.Stage);
        Assert.Equal("renewal-1", partnership.CurrentLetterOfIntentId);
        Assert.Equal(DocumentKind.LetterOfIntent, partnership.Documents[^1].Kind);
    }

    [Fact]
    public void Renew_StartingOnTheOldEffectiveDate_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Implementation);

        var rejection = Renew(builder, Renewal(PartnershipBuilder.AgreementWindow.Effective)).AssertRejected(RejectionKind.InvalidArgument, "must take effect after", "2025-01-01");

        Assert.Equal("validity.effective", rejection.Field);
    }

    [Fact]
    public void Renew_OfALetterOfIntentWithoutWindow_ComparesWithItsDate()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.LetterOfIntent, date: TestData.Date(2025, 3, 1)).AdvancedTo(PartnershipStage.LetterOfIntent);

        Renew(builder, Renewal(TestData.Date(2025, 2, 1))).AssertRejected(RejectionKind.InvalidArgument, "effective 2025-03-01");
    }

    [Fact]
    public void Renew_WithoutReason_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Signed);

        Assert.Equal("reason", Renew(builder, Renewal(TestData.Date(2025, 6, 1)) with { Reason = "" }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Renew_WithABackwardsWindow_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Signed);

        Assert.Equal("validity.expires", Renew(builder, Renewal(TestData.Date(2025, 6, 1), TestData.Date(2025, 5, 1))).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Renew_WithoutValidity_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Signed);

        Assert.Equal("validity", Renew(builder, Renewal(TestData.Date(2025, 6, 1)) with { Validity = null! }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Renew_DatedInTheFuture_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Signed);

        Assert.Equal("date", Renew(builder, Renewal(TestData.Date(2025, 6, 1), date: TestData.Date(2026, 1, 1))).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Renew_ReusingADocumentId_IsAlreadyExists()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.Agreement, id: "mou").AdvancedTo(PartnershipStage.Signed);

        Renew(builder, Renewal(TestData.Date(2025, 6, 1)) with { DocumentId = "mou" }).AssertRejected(RejectionKind.AlreadyExists);
    }
}
