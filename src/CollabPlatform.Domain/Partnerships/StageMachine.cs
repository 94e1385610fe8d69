using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Partnerships;

/// <summary>
/// Which stage may follow which through <c>AdvanceStage</c>: one step forward in the statutory
/// order (docs/domain.md §stages), and back only from Evaluation to Implementation, since
/// cooperation goes on after an evaluation. Expired and Terminated have their own commands, and
/// only renewal or termination leave Expired.
/// </summary>
public static class StageMachine
{
    /// <summary>The stages <c>AdvanceStage</c> may move to from <paramref name="from"/> (document gates aside).</summary>
    public static IReadOnlyList<PartnershipStage> AllowedTargets(PartnershipStage from) => from switch
    {
        PartnershipStage.Evaluation => [PartnershipStage.Implementation],
        PartnershipStage.Expired or PartnershipStage.Terminated => [],
        _ => [from + 1],
    };

    /// <summary>True when <c>AdvanceStage</c> may move from <paramref name="from"/> to <paramref name="to"/> (document gates aside).</summary>
    public static bool IsAllowed(PartnershipStage from, PartnershipStage to) => AllowedTargets(from).Contains(to);

    /// <summary>Null when the move is allowed, else the reason it is not.</summary>
    public static Rejection? CheckMove(PartnershipStage from, PartnershipStage to)
    {
        if (IsAllowed(from, to))
        {
            return null;
        }

        var reason = (from, to) switch
        {
            (PartnershipStage.Terminated, _) =>
                "the partnership was terminated; no stage follows Terminated",
            (PartnershipStage.Expired, _) =>
                $"cannot move from Expired to {to}: an expired partnership continues only by renewal (a new letter of intent or agreement) or ends by termination",
            _ when from == to =>
                $"the partnership is already at {to}",
            (_, PartnershipStage.Expired) =>
                "a partnership becomes Expired when the validity window of its letter of intent or agreement ends, not by advancing",
            (_, PartnershipStage.Terminated) =>
                "a partnership is ended by terminating it with a reason, not by advancing",
            (PartnershipStage.Evaluation, _) =>
                $"cannot move from Evaluation to {to}: after an evaluation the cooperation returns to Implementation, is renewed, or is terminated",
            _ when to < from =>
                $"cannot move back from {from} to {to}: the lifecycle only moves forward (the one way back is from Evaluation to Implementation)",
            _ when from == PartnershipStage.Implementation =>
                $"cannot move from Implementation to {to}: only Evaluation follows",
            _ =>
                $"cannot move from {from} to {to}: {Wording.List(Between(from, to))} {(to - from == 2 ? "comes" : "come")} first",
        };
        return Rejection.Precondition(reason);
    }

    private static IEnumerable<PartnershipStage> Between(PartnershipStage from, PartnershipStage to)
    {
        for (var stage = from + 1; stage < to; stage++)
        {
            yield return stage;
        }
    }
}
