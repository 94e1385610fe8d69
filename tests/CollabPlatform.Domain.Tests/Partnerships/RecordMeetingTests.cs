using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Partnerships;

public sealed class RecordMeetingTests
{
    private static RecordMeeting Meeting(string id = "meeting-1", DateOnly? date = null) => new()
    {
        MeetingId = id,
        Date = date ?? TestData.Date(2025, 6, 30),
        Mode = MeetingMode.Virtual,
        Participants = [TestData.Local("Bupati of Klaten"), TestData.Foreign("County head of Nanjing")],
        Summary = "strengths of both sides",
        NextSteps = [new NextStep("letter of intent", TestData.Date(2025, 9, 30))],
    };

    private static Decision<PartnershipEvent> Record(PartnershipBuilder builder, RecordMeeting command) =>
        builder.Build().Decide(command, TestData.Catalog, builder.Ctx);

    [Fact]
    public void Record_HeldMeeting_IsAddedToMeetings()
    {
        var builder = new PartnershipBuilder();

        builder.Execute(Meeting());

        var meeting = Assert.Single(builder.Build().Meetings);
        Assert.Equal("meeting-1", meeting.Id);
        Assert.Equal(MeetingMode.Virtual, meeting.Mode);
        Assert.Equal("letter of intent", Assert.Single(meeting.NextSteps).Description);
        Assert.Equal(TestData.Now, meeting.RecordedAt);
    }

    [Fact]
    public void Record_MeetingToday_IsAccepted()
    {
        var builder = new PartnershipBuilder();

        Record(builder, Meeting(date: TestData.Date(2025, 7, 1))).AssertAccepted();
    }

    [Fact]
    public void Record_FutureMeeting_IsRejectedPointingToNextSteps()
    {
        var builder = new PartnershipBuilder();

        var rejection = Record(builder, Meeting(date: TestData.Date(2025, 8, 1))).AssertRejected(RejectionKind.InvalidArgument, "once held", "in the future");

        Assert.Equal("date", rejection.Field);
    }

    [Fact]
    public void Record_WithoutDate_IsRejected()
    {
        var builder = new PartnershipBuilder();

        Assert.Equal("date", Record(builder, Meeting() with { Date = default }).AssertRejected(RejectionKind.InvalidArgument, "date is required").Field);
    }

    [Fact]
    public void Record_MoreParticipantsThanTheLimit_IsRejected()
    {
        var builder = new PartnershipBuilder();
        var crowd = ValueList.From(Enumerable.Range(1, DomainLimits.MaxPeople + 1).Select(i => TestData.Local($"Participant {i}")));

        Assert.Equal("participants", Record(builder, Meeting() with { Participants = crowd }).AssertRejected(RejectionKind.InvalidArgument, "at most 100").Field);
    }

    [Fact]
    public void Record_ExactlyTheParticipantLimit_IsAccepted()
    {
        var builder = new PartnershipBuilder();
        var crowd = ValueList.From(Enumerable.Range(1, DomainLimits.MaxPeople).Select(i => TestData.Local($"Participant {i}")));

        Record(builder, Meeting() with { Participants = crowd }).AssertAccepted();
    }

    [Fact]
    public void Record_ParticipantWithUndefinedSide_IsRejected()
    {
        var builder = new PartnershipBuilder();

        var rejection = Record(builder, Meeting() with { Participants = [new Person("Someone", null, null, (PartySide)5)] }).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("participants[0].side", rejection.Field);
    }

    [Fact]
    public void Record_NextStepTargetBeforeTheMeeting_IsRejected()
    {
        var builder = new PartnershipBuilder();

        var rejection = Record(builder, Meeting() with { NextSteps = [new NextStep("MoU", TestData.Date(2025, 1, 1))] }).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("next_steps[0].target_date", rejection.Field);
    }

    [Fact]
    public void Record_NextStepWithoutDescription_IsRejected()
    {
        var builder = new PartnershipBuilder();

        Assert.Equal("next_steps[0].description", Record(builder, Meeting() with { NextSteps = [new NextStep("")] }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Record_SummaryLongerThanTheTextLimit_IsRejected()
    {
        var builder = new PartnershipBuilder();

        Assert.Equal("summary", Record(builder, Meeting() with { Summary = new string('s', DomainLimits.MaxTextLength + 1) }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Record_UndefinedMode_IsRejected()
    {
        var builder = new PartnershipBuilder();

        Assert.Equal("mode", Record(builder, Meeting() with { Mode = (MeetingMode)9 }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Record_SameIdTwice_IsAlreadyExists()
    {
        var builder = new PartnershipBuilder().Execute(Meeting());

        Assert.Equal("meeting_id", Record(builder, Meeting()).AssertRejected(RejectionKind.AlreadyExists).Field);
    }

    [Fact]
    public void Record_AfterTermination_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Terminated);

        Record(builder, Meeting()).AssertRejected(RejectionKind.FailedPrecondition, "terminated");
    }
}
