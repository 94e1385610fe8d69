using CollabPlatform.Domain.Regions;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Regions;

public sealed class RegionCatalogTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Default;

    [Theory]
    [InlineData("ID", 552)]
    [InlineData("CN", 3213)]
    [InlineData("KR", 246)]
    [InlineData("JP", 1788)]
    public void Default_EachCountry_HasTheOfficialRowCount(string country, int rows)
    {
        var count = Catalog.All.Count(r => r.Id.Country == country);

        Assert.Equal(rows, count);
    }

    [Fact]
    public void Default_Count_IsTheSumOfTheFourCountries()
    {
        Assert.Equal(552 + 3213 + 246 + 1788, Catalog.Count);
    }

    [Fact]
    public void TryGet_Klaten_IsARegencyUnderJawaTengah()
    {
        var found = Catalog.TryGet(TestData.Klaten, out var klaten);

        Assert.True(found);
        Assert.Equal(2, klaten!.Level);
        Assert.Equal("regency", klaten.Kind);
        Assert.Equal(TestData.JawaTengah, klaten.ParentId);
    }

    [Fact]
    public void AncestorsOf_Klaten_IsJawaTengah()
    {
        var chain = Catalog.AncestorsOf(TestData.Klaten);

        Assert.Equal([TestData.JawaTengah], chain.Select(r => r.Id));
    }

    [Fact]
    public void AncestorsOf_NanjingCounty_IsFujianThenZhangzhou()
    {
        var chain = Catalog.AncestorsOf(TestData.NanjingCounty);

        Assert.Equal([TestData.Fujian, TestData.Zhangzhou], chain.Select(r => r.Id));
        Assert.Equal(3, Catalog.All.Single(r => r.Id == TestData.NanjingCounty).Level);
    }

    [Fact]
    public void AncestorsOf_AFirstLevelUnit_IsEmpty()
    {
        Assert.Empty(Catalog.AncestorsOf(TestData.Fujian));
    }

    [Theory]
    [InlineData("ID-33.10", "ID-33", true)]
    [InlineData("ID-33.10", "ID-33.10", true)]
    [InlineData("ID-33.72", "ID-33", true)]
    [InlineData("ID-32.14", "ID-33", false)]
    [InlineData("CN-350627", "CN-350600", true)]
    [InlineData("CN-350627", "CN-350000", true)]
    [InlineData("CN-320100", "CN-350000", false)]
    [InlineData("KR-36330", "KR-36", true)]
    [InlineData("ID-33", "ID-33.10", false)]
    public void IsWithin_ParentChains_GiveJurisdiction(string region, string jurisdiction, bool within)
    {
        Assert.Equal(within, Catalog.IsWithin(RegionId.Parse(region), RegionId.Parse(jurisdiction)));
    }

    [Fact]
    public void ChildrenOf_Zhangzhou_IncludesNanjingCounty()
    {
        Assert.Contains(Catalog.ChildrenOf(TestData.Zhangzhou), r => r.Id == TestData.NanjingCounty);
    }

    [Theory]
    [InlineData("JP-01")]
    [InlineData("JP-47")]
    public void Contains_JapanesePrefectures_AreThere(string id)
    {
        Assert.True(Catalog.Contains(RegionId.Parse(id)));
    }

    [Fact]
    public void Search_Nanjing_ReturnsExactlyTheCityAndTheCountyAndIsAmbiguous()
    {
        var result = Catalog.Search("Nanjing");

        Assert.True(result.IsAmbiguous);
        Assert.Equal(["CN-320100", "CN-350627"], result.Matches.Select(m => m.Region.Id.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_KotaNanjing_ShowsBothNamesakes()
    {
        var result = Catalog.Search("Kota Nanjing");

        Assert.True(result.IsAmbiguous);
        Assert.Equal(["CN-320100", "CN-350627"], result.Matches.Select(m => m.Region.Id.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_Nanjing_GivesEachMatchItsParentChain()
    {
        var county = Catalog.Search("Nanjing").Matches.Single(m => m.Region.Id == TestData.NanjingCounty);

        Assert.Equal([TestData.Fujian, TestData.Zhangzhou], county.Path.Select(r => r.Id));
    }

    [Fact]
    public void Search_Klaten_ReturnsOnlyTheRegency()
    {
        var result = Catalog.Search("Klaten");

        Assert.False(result.IsAmbiguous);
        Assert.Equal(TestData.Klaten, Assert.Single(result.Matches).Region.Id);
    }

    [Theory]
    [InlineData("350627", "CN-350627")]
    [InlineData("ID-33.10", "ID-33.10")]
    [InlineData("id-33.10", "ID-33.10")]
    [InlineData("KR-36330", "KR-36330")]
    public void Search_ByCode_FindsTheRegion(string query, string expected)
    {
        var result = Catalog.Search(query);

        Assert.Equal(expected, Assert.Single(result.Matches).Region.Id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Atlantis")]
    public void Search_NothingToMatch_IsEmpty(string query)
    {
        var result = Catalog.Search(query);

        Assert.Empty(result.Matches);
        Assert.False(result.IsAmbiguous);
    }

    [Fact]
    public void Search_WithCountryFilter_KeepsOnlyThatCountry()
    {
        var result = Catalog.Search("Nanjing", country: "ID");

        Assert.Empty(result.Matches);
    }

    [Theory]
    [InlineData("Nanjing County", "CN-350627")]
    [InlineData("Nanjing City", "CN-320100")]
    [InlineData("南靖县", "CN-350627")]
    public void Search_NameWithItsUnitWord_IsOnePlaceAndNotAmbiguous(string query, string expected)
    {
        var result = Catalog.Search(query);

        var match = Assert.Single(result.Matches);
        Assert.Equal(expected, match.Region.Id.ToString());
        Assert.False(result.IsAmbiguous);
    }

    [Theory]
    [InlineData("Solo", "ID-33.72")]
    [InlineData("solo", "ID-33.72")]
    [InlineData("Jateng", "ID-33")]
    public void Search_EverydayName_FindsTheOfficialRegion(string query, string expected)
    {
        var result = Catalog.Search(query);

        Assert.Equal(expected, Assert.Single(result.Matches).Region.Id.ToString());
    }

    [Fact]
    public void Constructor_AliasForAnUnknownRegion_IsRefused()
    {
        var klaten = Catalog.All.Where(r => r.Id.ToString() is "ID-33" or "ID-33.10");

        var error = Assert.Throws<InvalidDataException>(() => new RegionCatalog(klaten, [new(RegionId.Parse("ID-32"), "Jabar")]));

        Assert.Contains("ID-32", error.Message, StringComparison.Ordinal);
    }
}
