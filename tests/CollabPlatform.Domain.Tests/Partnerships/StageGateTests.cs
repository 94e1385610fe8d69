using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Partnerships;

public sealed class StageGateTests
{
    [Theory]
    [InlineData(PartnershipStage.LetterOfIntent, DocumentKind.LetterOfIntent, "letter of intent")]
    [InlineData(PartnershipStage.CooperationPlan, DocumentKind.CooperationPlan, "cooperation plan")]
    [InlineData(PartnershipStage.CouncilApproval, DocumentKind.CouncilApproval, "DPRD approval document")]
    [InlineData(PartnershipStage.CentralReview, DocumentKind.MinistryRequest, "Home Affairs Minister")]
    [InlineData(PartnershipStage.Drafting, DocumentKind.CentralApproval, "central-government approval")]
    [InlineData(PartnershipStage.Signed, DocumentKind.Agreement, "signed agreement")]
    public void Advance_WithoutTheGateDocument_IsRejectedNamingIt(PartnershipStage target, DocumentKind kind, string description)
    {
        var partnership = new PartnershipBuilder().AdvancedTo(target - 1).Build();

        var decision = partnership.Decide(new AdvanceStage(target), TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.FailedPrecondition, $"moving to {target} needs", description, kind.ToString(), "none is attached");
    }

    [Theory]
    [InlineData(PartnershipStage.LetterOfIntent, DocumentKind.LetterOfIntent)]
    [InlineData(PartnershipStage.CooperationPlan, DocumentKind.CooperationPlan)]
    [InlineData(PartnershipStage.CouncilApproval, DocumentKind.CouncilApproval)]
    [InlineData(PartnershipStage.CentralReview, DocumentKind.MinistryRequest)]
    [InlineData(PartnershipStage.Drafting, DocumentKind.CentralApproval)]
    [InlineData(PartnershipStage.Signed, DocumentKind.Agreement)]
    public void Advance_WithTheGateDocument_IsAccepted(PartnershipStage target, DocumentKind kind)
    {
        var builder = new PartnershipBuilder().AdvancedTo(target - 1).WithDocument(kind);

        var decision = builder.Build().Decide(new AdvanceStage(target), TestData.Catalog, builder.Ctx);

        Assert.Equal(target, decision.AssertSingle<PartnershipEvent, StageAdvanced>().To);
    }

    [Fact]
    public void Advance_ToCouncilApprovalWithoutDprdDecision_UsesTheOfficialWording()
    {
        var partnership = new PartnershipBuilder().AdvancedTo(PartnershipStage.CooperationPlan).Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.CouncilApproval), TestData.Catalog, TestData.Ctx());

        var rejection = decision.AssertRejected(RejectionKind.FailedPrecondition);
        Assert.Equal("moving to CouncilApproval needs the DPRD approval document (CouncilApproval); none is attached to partnership partnership:test", rejection.Reason);
    }

    [Fact]
    public void Advance_FromLetterOfIntentWithoutPlan_IsRejected()
    {
        var partnership = new PartnershipBuilder().AdvancedTo(PartnershipStage.LetterOfIntent).Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.CooperationPlan), TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.FailedPrecondition, "CooperationPlan", "none is attached");
    }

    [Fact]
    public void Advance_ToSignedWithOpenEndedDraftOnly_IsRejected()
    {
        var partnership = new PartnershipBuilder().AdvancedTo(PartnershipStage.Drafting).WithDocument(DocumentKind.DraftAgreement).Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.Signed), TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.FailedPrecondition, "signed agreement (Agreement)");
    }

    [Fact]
    public void Advance_ToSignedWithAgreementWithoutValidity_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Drafting);
        builder.Execute(builder.Document(DocumentKind.Agreement) with { Validity = null, DocumentId = "mou" });

        var decision = builder.Build().Decide(new AdvanceStage(PartnershipStage.Signed), TestData.Catalog, builder.Ctx);

        decision.AssertRejected(RejectionKind.FailedPrecondition, "validity window", "mou");
    }

    [Fact]
    public void Advance_ToImplementationBeforeAgreementTakesEffect_IsRejected()
    {
        var window = new ValidityWindow(TestData.Date(2025, 8, 17), TestData.Date(2030, 8, 16));
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Drafting).WithDocument(DocumentKind.Agreement, window, id: "mou-2025").AdvancedTo(PartnershipStage.Signed);

        var decision = builder.Build().Decide(new AdvanceStage(PartnershipStage.Implementation), TestData.Catalog, TestData.Ctx(new DateTimeOffset(2025, 8, 16, 23, 59, 0, TimeSpan.Zero)));

        decision.AssertRejected(RejectionKind.FailedPrecondition, "mou-2025 takes effect on 2025-08-17");
    }

    [Fact]
    public void Advance_ToImplementationOnTheEffectiveDate_IsAccepted()
    {
        var window = new ValidityWindow(TestData.Date(2025, 8, 17), TestData.Date(2030, 8, 16));
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Drafting).WithDocument(DocumentKind.Agreement, window).AdvancedTo(PartnershipStage.Signed);

        var decision = builder.Build().Decide(new AdvanceStage(PartnershipStage.Implementation), TestData.Catalog, TestData.Ctx(new DateTimeOffset(2025, 8, 17, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(PartnershipStage.Implementation, decision.AssertSingle<PartnershipEvent, StageAdvanced>().To);
    }

    [Fact]
    public void Advance_ToImplementationUsesUtcDate_NotTheOffsetOfNow()
    {
        var window = new ValidityWindow(TestData.Date(2025, 8, 17), TestData.Date(2030, 8, 16));
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Drafting).WithDocument(DocumentKind.Agreement, window).AdvancedTo(PartnershipStage.Signed);
        var earlyMorningInJakarta = new DateTimeOffset(2025, 8, 17, 6, 0, 0, TimeSpan.FromHours(7));

        var decision = builder.Build().Decide(new AdvanceStage(PartnershipStage.Implementation), TestData.Catalog, TestData.Ctx(earlyMorningInJakarta));

        decision.AssertRejected(RejectionKind.FailedPrecondition, "today is 2025-08-16 UTC");
    }
}
