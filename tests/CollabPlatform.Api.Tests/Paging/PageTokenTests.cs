using CollabPlatform.Persistence.ReadModels;

namespace CollabPlatform.Api.Tests.Paging;

public sealed class PageTokenTests
{
    private static readonly PartnershipFilter Filter = new() { Region = "ID-33", Stages = ["Exploration"], Sectors = ["Tourism", "Msme"] };

    [Fact]
    public void Token_RoundTrip_ReturnsThePosition()
    {
        var position = new ListPosition(new DateTimeOffset(2025, 6, 24, 3, 15, 7, TimeSpan.Zero).AddTicks(123450), "P-4OXWCXVUGORB72KC");
        var page = new Page<string>(["x"], PageToken.Encode(Filter.Key, ["1750734907012345", "P-4OXWCXVUGORB72KC"]));

        Assert.True(PartnershipQueries.TryReadPageToken(Filter, page.NextPageToken, out var read, out var error), error);

        Assert.Equal(position, read);
    }

    [Fact]
    public void Token_Empty_IsTheFirstPage()
    {
        Assert.True(PartnershipQueries.TryReadPageToken(Filter, string.Empty, out var position, out _));
        Assert.Null(position);
    }

    [Fact]
    public void Token_SameFiltersInAnotherOrder_IsAccepted()
    {
        var token = PageToken.Encode(Filter.Key, ["1", "P-1"]);
        var reordered = Filter with { Sectors = ["Msme", "Tourism"] };

        Assert.True(PartnershipQueries.TryReadPageToken(reordered, token, out _, out _));
    }

    [Fact]
    public void Token_WithOtherFilters_IsRefusedWithAReason()
    {
        var token = PageToken.Encode(Filter.Key, ["1", "P-1"]);

        Assert.False(PartnershipQueries.TryReadPageToken(Filter with { Kind = "SisterCity" }, token, out _, out var error));
        Assert.Contains("other filters", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAA")]
    [InlineData("%%%")]
    public void Token_Garbage_IsRefused(string token)
    {
        Assert.False(PartnershipQueries.TryReadPageToken(Filter, token, out _, out var error));
        Assert.Contains("not a token this server issued", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_WithAnyCharacterChanged_IsRefused()
    {
        var token = PageToken.Encode(Filter.Key, ["1750734907012345", "P-4OXWCXVUGORB72KC"]);

        for (var i = 0; i < token.Length; i++)
        {
            var replacement = token[i] == 'A' ? 'B' : 'A';
            var tampered = token[..i] + replacement + token[(i + 1)..];

            Assert.False(PartnershipQueries.TryReadPageToken(Filter, tampered, out _, out _), $"tampered at {i}: {tampered}");
        }
    }

    [Fact]
    public void Token_Truncated_IsRefused()
    {
        var token = PageToken.Encode(Filter.Key, ["1", "P-1"]);

        Assert.False(PartnershipQueries.TryReadPageToken(Filter, token[..^2], out _, out _));
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(200, 200)]
    [InlineData(201, 200)]
    [InlineData(int.MaxValue, 200)]
    public void PageSize_FollowsTheContract(int requested, int used) => Assert.Equal(used, PageSizes.Normalize(requested));
}
