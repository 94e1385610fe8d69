using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Tests.Support;

/// <summary>Regions, instants and people the tests share; regions are the real ones of the four stories.</summary>
internal static class TestData
{
    public static readonly RegionCatalog Catalog = RegionCatalog.Default;

    public static readonly RegionId JawaTengah = RegionId.Parse("ID-33");
    public static readonly RegionId Klaten = RegionId.Parse("ID-33.10");
    public static readonly RegionId Surakarta = RegionId.Parse("ID-33.72");
    public static readonly RegionId JawaBarat = RegionId.Parse("ID-32");
    public static readonly RegionId Purwakarta = RegionId.Parse("ID-32.14");
    public static readonly RegionId MuaraEnim = RegionId.Parse("ID-16.03");
    public static readonly RegionId Fujian = RegionId.Parse("CN-350000");
    public static readonly RegionId Zhangzhou = RegionId.Parse("CN-350600");
    public static readonly RegionId NanjingCounty = RegionId.Parse("CN-350627");
    public static readonly RegionId NanjingCity = RegionId.Parse("CN-320100");
    public static readonly RegionId XiAn = RegionId.Parse("CN-610100");
    public static readonly RegionId Zhuhai = RegionId.Parse("CN-440400");
    public static readonly RegionId Jeollanamdo = RegionId.Parse("KR-36");
    public static readonly RegionId Gurye = RegionId.Parse("KR-36330");
    public static readonly RegionId Hokkaido = RegionId.Parse("JP-01");

    /// <summary>Default "now" of the tests: 2025-07-01 10:00 in Jakarta.</summary>
    public static readonly DateTimeOffset Now = new(2025, 7, 1, 3, 0, 0, TimeSpan.Zero);

    public static CommandContext Ctx(DateTimeOffset? now = null, string actor = "official@klatenkab.go.id") => new(actor, now ?? Now);

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    public static Person Local(string name, string? title = null) => new(name, title, null, PartySide.Local);

    public static Person Foreign(string name, string? title = null) => new(name, title, null, PartySide.Foreign);
}
