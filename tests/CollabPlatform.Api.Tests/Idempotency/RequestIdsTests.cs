using CollabPlatform.Api.Idempotency;
using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Tests.Idempotency;

public sealed class RequestIdsTests
{
    [Fact]
    public void PartnershipId_SameActorAndRequest_IsTheSameId()
    {
        var first = RequestIds.PartnershipId("official:ID-33.10", "5f0c7a0e-6c1f-4d0e-9f59-2b7a1c9b3e11");

        var retry = RequestIds.PartnershipId("official:ID-33.10", "5f0c7a0e-6c1f-4d0e-9f59-2b7a1c9b3e11");

        Assert.Equal(first, retry);
        Assert.Matches("^P-[A-Z2-7]{16}$", first);
    }

    [Fact]
    public void PartnershipId_KnownInput_HasAStableValue()
    {
        // Ids are stored forever: a change of derivation would send retries of old requests to new grains.
        Assert.Equal(RequestIds.PartnershipId("anonymous", "r1"), RequestIds.PartnershipId("anonymous", "r1"));
        Assert.Equal("P-4OXWCXVUGORB72KC", RequestIds.PartnershipId("anonymous", "r1"));
    }

    [Fact]
    public void Ids_DifferByActorRequestAndKind()
    {
        var ids = new[]
        {
            RequestIds.PartnershipId("a", "r1"),
            RequestIds.PartnershipId("b", "r1"),
            RequestIds.PartnershipId("a", "r2"),
            RequestIds.PartnershipId("a\nr", "1"),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.StartsWith("JP-", RequestIds.ProgramId("a", "r1"), StringComparison.Ordinal);
        Assert.StartsWith("D-", RequestIds.DocumentId("a", "r1"), StringComparison.Ordinal);
        Assert.StartsWith("M-", RequestIds.MeetingId("a", "r1"), StringComparison.Ordinal);
        Assert.StartsWith("R-", RequestIds.ReportId("a", "r1"), StringComparison.Ordinal);
        Assert.StartsWith("E-", RequestIds.EvaluationId("a", "r1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_IgnoresRequestIdAndExpectedVersion()
    {
        var first = new AdvanceStageRequest { RequestId = "r1", PartnershipId = "P-1", ExpectedVersion = 3, TargetStage = PartnershipStage.LetterOfIntent };
        var retry = first.Clone();
        retry.RequestId = "r2";
        retry.ExpectedVersion = 0;

        Assert.Equal(RequestIds.Hash(first), RequestIds.Hash(retry));
        Assert.Matches("^[0-9a-f]{64}$", RequestIds.Hash(first));
        Assert.Equal("r1", first.RequestId);
    }

    [Fact]
    public void Hash_DiffersWithTheContent()
    {
        var request = StoryRequests.KlatenNanjing();
        var other = request.Clone();
        other.Title += ".";

        Assert.NotEqual(RequestIds.Hash(request), RequestIds.Hash(other));
    }
}
