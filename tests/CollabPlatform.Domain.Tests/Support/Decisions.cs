using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Tests.Support;

/// <summary>Assertions on decisions that print the rejection when they fail.</summary>
internal static class Decisions
{
    public static IReadOnlyList<TEvent> AssertAccepted<TEvent>(this Decision<TEvent> decision)
    {
        Assert.True(decision.IsAccepted, $"expected acceptance, got {decision.Rejection?.Kind}: {decision.Rejection?.Reason}");
        Assert.Null(decision.Rejection);
        return decision.Events;
    }

    public static TExpected AssertSingle<TEvent, TExpected>(this Decision<TEvent> decision)
        where TExpected : TEvent
    {
        var events = decision.AssertAccepted();
        return Assert.IsType<TExpected>(Assert.Single(events));
    }

    public static Rejection AssertRejected<TEvent>(this Decision<TEvent> decision, RejectionKind kind, params string[] reasonContains)
    {
        Assert.False(decision.IsAccepted, $"expected a {kind} rejection, got {decision.Events.Count} event(s)");
        Assert.Empty(decision.Events);
        var rejection = Assert.IsType<Rejection>(decision.Rejection);
        Assert.True(rejection.Kind == kind, $"expected {kind}, got {rejection.Kind}: {rejection.Reason}");
        foreach (var text in reasonContains)
        {
            Assert.Contains(text, rejection.Reason, StringComparison.Ordinal);
        }

        return rejection;
    }
}
