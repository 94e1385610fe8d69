using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Tests.Regions;

public sealed class RegionIdTests
{
    [Theory]
    [InlineData("ID-33", "ID", "33")]
    [InlineData("ID-33.10", "ID", "33.10")]
    [InlineData("CN-350627", "CN", "350627")]
    [InlineData("KR-36330", "KR", "36330")]
    [InlineData("KR-36", "KR", "36")]
    [InlineData("JP-01", "JP", "01")]
    [InlineData("JP-011002", "JP", "011002")]
    public void TryParse_OfficialIds_AreAccepted(string text, string country, string code)
    {
        var ok = RegionId.TryParse(text, out var id, out var error);

        Assert.True(ok, error);
        Assert.Null(error);
        Assert.Equal(country, id.Country);
        Assert.Equal(code, id.Code);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("id-33.10")]
    [InlineData("Id-33.10")]
    [InlineData("ID33.10")]
    [InlineData("ID 33.10")]
    [InlineData("ID-3.10")]
    [InlineData("ID-33.1")]
    [InlineData("ID-33.10.01")]
    [InlineData("ID-3310")]
    [InlineData("CN-35062")]
    [InlineData("KR-363")]
    [InlineData("JP-1")]
    [InlineData("-33.10")]
    [InlineData("ID-")]
    public void TryParse_WrongShape_IsRejectedWithAReason(string text)
    {
        var ok = RegionId.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Empty_IsRejectedAsRequired(string? text)
    {
        var ok = RegionId.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains("required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LongerThan32Characters_IsRejected()
    {
        var text = "XX-" + new string('1', 30);

        var ok = RegionId.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains("32", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Exactly32CharactersOfAnUncheckedCountry_IsAccepted()
    {
        var text = "XX-" + new string('1', 29);

        Assert.True(RegionId.TryParse(text, out var id, out _));
        Assert.Equal(32, id.ToString().Length);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => RegionId.Parse("klaten"));
    }

    [Fact]
    public void Equality_SameText_IsEqual()
    {
        Assert.Equal(RegionId.Parse("ID-33.10"), RegionId.Parse("ID-33.10"));
        Assert.NotEqual(RegionId.Parse("ID-33.10"), RegionId.Parse("ID-33.72"));
    }

    [Fact]
    public void Default_PrintsAsEmpty()
    {
        Assert.Equal(string.Empty, default(RegionId).ToString());
    }
}
