using CollabPlatform.Api.Mapping;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Api.Tests.Mapping;

public sealed class FacilitationMappingTests
{
    private static StoredLedgerEvent Advanced(long position) => new(
        new LedgerCursor(741, position),
        "partnership:P-L73W54J56MEIY4ZF",
        3,
        "partnership.stage_advanced",
        """{"$type":"partnership.stage_advanced","partnershipId":"P-L73W54J56MEIY4ZF","occurredAt":"2025-08-01T03:00:00+00:00","actor":"official:ID-33.10","from":"Exploration","to":"LetterOfIntent","note":"letter of intent signed"}""",
        "official:ID-33.10",
        new DateTimeOffset(2025, 8, 1, 3, 0, 0, TimeSpan.Zero),
        "P-L73W54J56MEIY4ZF",
        "Exploration",
        "LetterOfIntent",
        ["ID-33.10", "ID-33", "MINISTRY-ID"],
        null,
        null);

    [Fact]
    public void ToSharedAgreementEvent_OneStoredEventForManyWatchers_IsMappedOnceAndEqualsItsOwnMapping()
    {
        var stored = Advanced(17);

        var first = stored.ToSharedAgreementEvent();
        var second = stored.ToSharedAgreementEvent();

        Assert.Same(first, second);
        Assert.Equal(stored.ToAgreementEvent(), first);
        Assert.Equal("741.17", first.Cursor);
        Assert.Equal(PartnershipStage.LetterOfIntent, first.ToStage);
        Assert.Equal("Exploration -> LetterOfIntent: letter of intent signed", first.Summary);
    }

    [Fact]
    public void ToSharedAgreementEvent_EqualEventsReadTwice_AreMappedApart()
    {
        var read = Advanced(17);
        var readAgain = Advanced(17);

        var mapped = read.ToSharedAgreementEvent();
        var mappedAgain = readAgain.ToSharedAgreementEvent();

        Assert.Equal(read.Cursor, readAgain.Cursor);
        Assert.NotSame(mapped, mappedAgain);
        Assert.Equal(mapped, mappedAgain);
    }
}
