using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Tests.Common;

public sealed class DecisionTests
{
    [Fact]
    public void Accept_NoEvents_IsAcceptedAndEmpty()
    {
        var decision = Decision<string>.Accept();

        Assert.True(decision.IsAccepted);
        Assert.Empty(decision.Events);
        Assert.Null(decision.Rejection);
    }

    [Fact]
    public void Accept_List_CopiesTheEvents()
    {
        var events = new List<string> { "a", "b" };

        var decision = Decision<string>.Accept(events);
        events.Add("c");

        Assert.Equal(["a", "b"], decision.Events);
    }

    [Fact]
    public void Reject_HasTheRejectionAndNoEvents()
    {
        var rejection = Rejection.Invalid("title", "the title is required");

        var decision = Decision<string>.Reject(rejection);

        Assert.False(decision.IsAccepted);
        Assert.Empty(decision.Events);
        Assert.Equal(new Rejection(RejectionKind.InvalidArgument, "the title is required", "title"), decision.Rejection);
    }

    [Fact]
    public void CommandContext_Today_IsTheUtcDate()
    {
        var ctx = new CommandContext("a", new DateTimeOffset(2025, 8, 17, 6, 0, 0, TimeSpan.FromHours(7)));

        Assert.Equal(new DateOnly(2025, 8, 16), ctx.Today);
    }
}
