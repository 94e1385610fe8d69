using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Persistence.Tests.Feeds;

/// <summary>Builds one-event ledger appends for feed tests.</summary>
public static class LedgerChanges
{
    public static readonly string[] Jawa = ["ID-33.10", "ID-33", "MINISTRY-ID"];

    public static readonly string[] JawaTimur = ["ID-35.78", "ID-35", "MINISTRY-ID"];

    public static readonly string[] Yogyakarta = ["ID-34.71", "ID-34", "MINISTRY-ID"];

    public static readonly string[] Sulawesi = ["ID-32.01", "ID-32", "MINISTRY-ID"];

    private static readonly DateTimeOffset OccurredAt = new(2025, 7, 22, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The <paramref name="version"/>-th event of <paramref name="streamId"/>.</summary>
    public static LedgerAppend Event(string streamId, long version, IReadOnlyList<string> jurisdictions) => new()
    {
        StreamId = streamId,
        ExpectedVersion = version - 1,
        PartnershipId = streamId,
        Jurisdictions = jurisdictions,
        Events = [new NewLedgerEvent("MeetingRecorded", $$"""{"meeting":{{version}}}""", "facilitator@kemendagri", OccurredAt)],
    };
}
