using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Partnerships;

public sealed class StageTransitionTests
{
    private static readonly PartnershipStage[] Stages = Enum.GetValues<PartnershipStage>();

    // The only moves AdvanceStage accepts: one step forward up to Evaluation, and back from
    // Evaluation to Implementation.
    private static readonly HashSet<(PartnershipStage, PartnershipStage)> Legal =
    [
        (PartnershipStage.Initiative, PartnershipStage.Exploration),
        (PartnershipStage.Exploration, PartnershipStage.LetterOfIntent),
        (PartnershipStage.LetterOfIntent, PartnershipStage.CooperationPlan),
        (PartnershipStage.CooperationPlan, PartnershipStage.CouncilApproval),
        (PartnershipStage.CouncilApproval, PartnershipStage.CentralReview),
        (PartnershipStage.CentralReview, PartnershipStage.Drafting),
        (PartnershipStage.Drafting, PartnershipStage.Signed),
        (PartnershipStage.Signed, PartnershipStage.Implementation),
        (PartnershipStage.Implementation, PartnershipStage.Evaluation),
        (PartnershipStage.Evaluation, PartnershipStage.Implementation),
    ];

    public static TheoryData<PartnershipStage, PartnershipStage> AllPairs()
    {
        var data = new TheoryData<PartnershipStage, PartnershipStage>();
        foreach (var from in Stages)
        {
            foreach (var to in Stages)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Advance_EveryPairWithAllDocuments_OnlyLegalMovesAreAccepted(PartnershipStage from, PartnershipStage to)
    {
        var builder = new PartnershipBuilder().WithAllGateDocuments().AdvancedTo(from);
        var partnership = builder.Build();
        var versionBefore = partnership.Version;

        var decision = partnership.Decide(new AdvanceStage(to), TestData.Catalog, builder.Ctx);

        Assert.Equal(from, partnership.Stage);
        Assert.Equal(versionBefore, partnership.Version);
        if (Legal.Contains((from, to)))
        {
            var advanced = decision.AssertSingle<PartnershipEvent, StageAdvanced>();
            Assert.Equal(from, advanced.From);
            Assert.Equal(to, advanced.To);
        }
        else
        {
            var rejection = decision.AssertRejected(RejectionKind.FailedPrecondition);
            Assert.False(string.IsNullOrWhiteSpace(rejection.Reason));
        }
    }

    [Fact]
    public void StageMachine_AllowedTargets_MatchTheLegalMoves()
    {
        var allowed = Stages.SelectMany(from => StageMachine.AllowedTargets(from).Select(to => (from, to))).ToHashSet();

        Assert.Equal(Legal.OrderBy(p => p), allowed.OrderBy(p => p));
    }

    [Fact]
    public void Advance_FromLetterOfIntentToSigned_NamesTheSkippedStages()
    {
        var partnership = new PartnershipBuilder().WithAllGateDocuments().AdvancedTo(PartnershipStage.LetterOfIntent).Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.Signed), TestData.Catalog, TestData.Ctx());

        var rejection = decision.AssertRejected(RejectionKind.FailedPrecondition);
        Assert.Equal("cannot move from LetterOfIntent to Signed: CooperationPlan, CouncilApproval, CentralReview and Drafting come first", rejection.Reason);
    }

    [Fact]
    public void Advance_SkippingOneStage_SaysWhichComesFirst()
    {
        var partnership = new PartnershipBuilder().WithAllGateDocuments().Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.LetterOfIntent), TestData.Catalog, TestData.Ctx());

        var rejection = decision.AssertRejected(RejectionKind.FailedPrecondition);
        Assert.Equal("cannot move from Initiative to LetterOfIntent: Exploration comes first", rejection.Reason);
    }

    [Fact]
    public void Advance_Backwards_IsRejectedAsForwardOnly()
    {
        var partnership = new PartnershipBuilder().AdvancedTo(PartnershipStage.CooperationPlan).Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.Exploration), TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.FailedPrecondition, "cannot move back from CooperationPlan to Exploration");
    }

    [Fact]
    public void Advance_ToCurrentStage_SaysItIsAlreadyThere()
    {
        var partnership = new PartnershipBuilder().AdvancedTo(PartnershipStage.Exploration).Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.Exploration), TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.FailedPrecondition, "already at Exploration");
    }

    [Theory]
    [InlineData(PartnershipStage.Expired, "validity window")]
    [InlineData(PartnershipStage.Terminated, "terminating it with a reason")]
    public void Advance_ToExpiredOrTerminated_PointsToTheProperCommand(PartnershipStage target, string hint)
    {
        var partnership = new PartnershipBuilder().AdvancedTo(PartnershipStage.Implementation).Build();

        var decision = partnership.Decide(new AdvanceStage(target), TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.FailedPrecondition, hint);
    }

    [Fact]
    public void Advance_FromExpired_SaysOnlyRenewalOrTermination()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Expired);

        var decision = builder.Build().Decide(new AdvanceStage(PartnershipStage.Implementation), TestData.Catalog, builder.Ctx);

        decision.AssertRejected(RejectionKind.FailedPrecondition, "renewal", "termination");
    }

    [Fact]
    public void Advance_FromTerminated_IsRejected()
    {
        var partnership = new PartnershipBuilder().AdvancedTo(PartnershipStage.Terminated).Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.Exploration), TestData.Catalog, TestData.Ctx());

        decision.AssertRejected(RejectionKind.FailedPrecondition, "terminated");
    }

    [Fact]
    public void Advance_FromEvaluationBackToImplementation_IsAccepted()
    {
        var partnership = new PartnershipBuilder().AdvancedTo(PartnershipStage.Evaluation).Build();

        var decision = partnership.Decide(new AdvanceStage(PartnershipStage.Implementation, "continue after the 2025 review"), TestData.Catalog, TestData.Ctx());

        var advanced = decision.AssertSingle<PartnershipEvent, StageAdvanced>();
        Assert.Equal(PartnershipStage.Implementation, advanced.To);
        Assert.Equal("continue after the 2025 review", advanced.Note);
    }

    [Fact]
    public void Advance_UndefinedTarget_IsInvalidArgument()
    {
        var partnership = new PartnershipBuilder().Build();

        var decision = partnership.Decide(new AdvanceStage((PartnershipStage)99), TestData.Catalog, TestData.Ctx());

        var rejection = decision.AssertRejected(RejectionKind.InvalidArgument);
        Assert.Equal("target", rejection.Field);
    }
}
