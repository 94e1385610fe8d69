using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Partnerships;

public sealed class PartnershipHistoryTests
{
    /// <summary>A partnership that has seen every event type.</summary>
    internal static PartnershipBuilder EveryEventType()
    {
        var builder = new PartnershipBuilder()
            .Execute(new RecordMeeting { MeetingId = "m-1", Date = TestData.Date(2025, 6, 24), Mode = MeetingMode.InPerson, Place = "Semarang" })
            .Execute(new AddFacilitator("ID-33", "provincial facilitator"))
            .Execute(new UpdatePrioritySectors([Sector.Tourism, Sector.Agriculture]))
            .AdvancedTo(PartnershipStage.Implementation);
        builder.Execute(new RenewPartnership
        {
            DocumentId = "mou-renewed",
            Date = TestData.Date(2025, 6, 1),
            Title = "Renewed MoU",
            Validity = new ValidityWindow(TestData.Date(2025, 6, 1), TestData.Date(2026, 5, 31)),
            Reason = "align with PP 28/2018",
        });
        builder.At(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)).Execute(new CheckDeadlines());
        builder.Execute(new TerminatePartnership("not renewed", TestData.Date(2026, 6, 30)));
        return builder;
    }

    [Fact]
    public void Apply_EveryEvent_AppendsAHistoryEntryWithTheVersionAsSequence()
    {
        var builder = EveryEventType();

        var partnership = builder.Build();

        Assert.Equal(builder.Events.Count, partnership.Version);
        Assert.Equal(Enumerable.Range(1, builder.Events.Count).Select(i => (long)i), partnership.History.Select(h => h.Sequence));
        Assert.Equal(
            builder.Events.Select(e => (e.Actor, e.OccurredAt)),
            partnership.History.Select(h => (h.Actor, h.OccurredAt)));
    }

    [Fact]
    public void History_UsesTheStableEventNames()
    {
        var partnership = EveryEventType().Build();

        var names = partnership.History.Select(h => h.EventType).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "partnership.document_attached", "partnership.expired", "partnership.facilitator_added", "partnership.meeting_recorded",
                "partnership.priority_sectors_changed", "partnership.proposed", "partnership.renewed", "partnership.stage_advanced",
                "partnership.terminated",
            ],
            names);
    }

    [Fact]
    public void History_RecordsStageMovesWithTheirNotes()
    {
        var builder = new PartnershipBuilder().Execute(new AdvanceStage(PartnershipStage.Exploration, "visit to Semarang"));

        var history = builder.Build().History;

        Assert.Equal(new HistoryEntry(1, "partnership.proposed", "official@klatenkab.go.id", TestData.Now, null, PartnershipStage.Initiative, null), history[0]);
        Assert.Equal(new HistoryEntry(2, "partnership.stage_advanced", "official@klatenkab.go.id", TestData.Now, PartnershipStage.Initiative, PartnershipStage.Exploration, "visit to Semarang"), history[1]);
    }

    [Fact]
    public void History_EntriesThatKeepTheStage_HaveNoStages()
    {
        var builder = new PartnershipBuilder().Execute(new AddFacilitator("MINISTRY-ID", "Kemendagri"));

        var entry = builder.Build().History[^1];

        Assert.Null(entry.FromStage);
        Assert.Null(entry.ToStage);
        Assert.Equal("MINISTRY-ID: Kemendagri", entry.Note);
    }

    [Fact]
    public void FromHistory_ReproducesTheLiveAggregate()
    {
        var builder = EveryEventType();
        var live = builder.Build();

        var rebuilt = Partnership.FromHistory(builder.Events);

        AssertSameState(live, rebuilt);
    }

    [Fact]
    public void FromHistory_AtEveryPrefix_ReproducesTheLiveAggregate()
    {
        var events = EveryEventType().Events;
        var live = new Partnership();

        for (var i = 0; i < events.Count; i++)
        {
            live.Apply(events[i]);

            AssertSameState(live, Partnership.FromHistory(events.Take(i + 1)));
        }
    }

    [Fact]
    public void FromHistory_NoEvents_DoesNotExist()
    {
        var partnership = Partnership.FromHistory([]);

        Assert.False(partnership.Exists);
        Assert.Equal(0, partnership.Version);
        Assert.Null(partnership.NextDeadline);
    }

    internal static void AssertSameState(Partnership expected, Partnership actual)
    {
        Assert.Equal(expected.Exists, actual.Exists);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Stage, actual.Stage);
        Assert.Equal(expected.LocalRegion, actual.LocalRegion);
        Assert.Equal(expected.Counterpart, actual.Counterpart);
        Assert.Equal(expected.PrioritySectors, actual.PrioritySectors);
        Assert.Equal(expected.Documents, actual.Documents);
        Assert.Equal(expected.Meetings, actual.Meetings);
        Assert.Equal(expected.Validity, actual.Validity);
        Assert.Equal(expected.CurrentAgreementId, actual.CurrentAgreementId);
        Assert.Equal(expected.CurrentLetterOfIntentId, actual.CurrentLetterOfIntentId);
        Assert.Equal(expected.Facilitators, actual.Facilitators);
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.StageBeforeExpiry, actual.StageBeforeExpiry);
        Assert.Equal(expected.NextDeadline, actual.NextDeadline);
    }
}
