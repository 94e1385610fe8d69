using System.Text.Json;
using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Tests.Common;

public sealed class ValueListTests
{
    [Fact]
    public void Equals_SameItemsInOrder_IsEqualWithEqualHashes()
    {
        ValueList<Sector> a = [Sector.Tourism, Sector.Msme];
        ValueList<Sector> b = [Sector.Tourism, Sector.Msme];

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentOrder_IsNotEqual()
    {
        ValueList<Sector> a = [Sector.Tourism, Sector.Msme];
        ValueList<Sector> b = [Sector.Msme, Sector.Tourism];

        Assert.NotEqual(a, b);
        Assert.True(a != b);
    }

    [Fact]
    public void From_CopiesSoLaterChangesDoNotLeakIn()
    {
        var source = new List<string> { "x" };

        var list = ValueList.From(source);
        source.Add("y");

        Assert.Equal(["x"], list);
    }

    [Fact]
    public void From_Null_IsEmpty()
    {
        Assert.Same(ValueList<int>.Empty, ValueList.From<int>(null));
    }

    [Fact]
    public void Json_RoundTripsAsAnArrayAndReadsNullAsEmpty()
    {
        ValueList<Sector> list = [Sector.Agriculture];

        var json = JsonSerializer.Serialize(list, DomainJson.Options);
        var back = JsonSerializer.Deserialize<ValueList<Sector>>(json, DomainJson.Options);
        var fromNull = JsonSerializer.Deserialize<ValueList<Sector>>("null", DomainJson.Options);

        Assert.Equal("[\"Agriculture\"]", json);
        Assert.Equal(list, back);
        Assert.Empty(fromNull!);
    }
}
