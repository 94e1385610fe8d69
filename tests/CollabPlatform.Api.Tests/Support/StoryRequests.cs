using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Tests.Support;

/// <summary>The four acceptance stories of DESIGN.md §2 as the requests a client would send.</summary>
public static class StoryRequests
{
    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>Klaten – Nanjing County (Fujian): a friendship exchange already being explored.</summary>
    public static ProposePartnershipRequest KlatenNanjing(string requestId = "klaten-nanjing") => new()
    {
        RequestId = requestId,
        Kind = PartnershipKind.FriendshipExchange,
        Title = "Klaten – Nanjing County friendship exchange",
        LocalRegionId = "ID-33.10",
        Counterpart = new Counterpart { ForeignRegionId = "CN-350627" },
        PrioritySectors = { Sector.Tourism, Sector.Msme, Sector.Agriculture },
        InitialStage = PartnershipStage.Exploration,
        Note = "Semarang, 2025-06-24: friendship exchange signed, witnessed by the governors of Jawa Tengah and Fujian",
    };

    /// <summary>Surakarta (Solo) – Xi'an: a sister-city tie on a letter of intent.</summary>
    public static ProposePartnershipRequest SurakartaXian(string requestId = "solo-xian") => new()
    {
        RequestId = requestId,
        Kind = PartnershipKind.SisterCity,
        Title = "Surakarta – Xi'an sister city",
        LocalRegionId = "ID-33.72",
        Counterpart = new Counterpart { ForeignRegionId = "CN-610100" },
        PrioritySectors = { Sector.Tourism, Sector.Culture, Sector.Sport, Sector.Health },
        InitialStage = PartnershipStage.Exploration,
    };

    /// <summary>Surakarta (Solo) – Zhuhai: the second tie of the same city.</summary>
    public static ProposePartnershipRequest SurakartaZhuhai(string requestId = "solo-zhuhai") => new()
    {
        RequestId = requestId,
        Kind = PartnershipKind.SisterCity,
        Title = "Surakarta – Zhuhai sister city",
        LocalRegionId = "ID-33.72",
        Counterpart = new Counterpart { ForeignRegionId = "CN-440400" },
        PrioritySectors = { Sector.Tourism, Sector.Culture },
        InitialStage = PartnershipStage.Exploration,
    };

    /// <summary>Purwakarta (Jawa Barat) – Gurye-gun (Jeollanam-do).</summary>
    public static ProposePartnershipRequest PurwakartaGurye(string requestId = "purwakarta-gurye") => new()
    {
        RequestId = requestId,
        Kind = PartnershipKind.SisterCity,
        Title = "Purwakarta – Gurye-gun",
        LocalRegionId = "ID-32.14",
        Counterpart = new Counterpart { ForeignRegionId = "KR-36330" },
        PrioritySectors = { Sector.Agriculture, Sector.Plantation, Sector.Industry, Sector.Tourism, Sector.Investment },
        Note = "Visit of 2025-03-20: both heads agree to sign an MoU",
    };

    /// <summary>Muara Enim (Sumatera Selatan) – a Japanese institution (KSDLL).</summary>
    public static ProposePartnershipRequest MuaraEnimJapan(string requestId = "muara-enim-japan") => new()
    {
        RequestId = requestId,
        Kind = PartnershipKind.Institutional,
        Title = "Muara Enim – Japanese institution pilot programme",
        LocalRegionId = "ID-16.03",
        Counterpart = new Counterpart { Institution = new Institution { Name = "Japan International Cooperation Agency", Country = "JP", Kind = "agency" } },
        PrioritySectors = { Sector.UrbanManagement, Sector.Agriculture, Sector.Education, Sector.Technology, Sector.HumanResources },
    };

    public static IEnumerable<ProposePartnershipRequest> All() =>
        [KlatenNanjing(), SurakartaXian(), SurakartaZhuhai(), PurwakartaGurye(), MuaraEnimJapan()];

    /// <summary>The minutes signed in Semarang on 2025-06-24.</summary>
    public static Document SemarangMinutes() => new()
    {
        Kind = DocumentKind.MinutesOfMeeting,
        Date = Date(2025, 6, 24),
        Place = "Semarang",
        Title = "Minutes of Meeting on a sister-city cooperation between Klaten and Nanjing County",
        Signatories =
        {
            new Person { Name = "Hamenang Wajar Ismoyo", Title = "Bupati of Klaten", Organisation = "Pemerintah Kabupaten Klaten", Side = PartySide.Local },
            new Person { Name = "Vice Mayor of Zhangzhou", Title = "Representative of Nanjing County", Side = PartySide.Foreign },
        },
        Witnesses =
        {
            new Person { Name = "Ahmad Luthfi", Title = "Governor of Jawa Tengah", Side = PartySide.Local },
        },
    };

    /// <summary>The virtual meeting of 2025-07-22 with its next steps.</summary>
    public static Meeting VirtualMeeting() => new()
    {
        Date = Date(2025, 7, 22),
        Mode = MeetingMode.Virtual,
        Place = "Pendopo Klaten (video call)",
        Participants =
        {
            new Person { Name = "Hamenang Wajar Ismoyo", Title = "Bupati of Klaten", Side = PartySide.Local },
            new Person { Name = "County Head of Nanjing", Side = PartySide.Foreign },
        },
        Summary = "Each side presented its strengths",
        Outcome = "Priority sectors: tourism, MSMEs and agriculture",
        NextSteps =
        {
            new NextStep { Description = "internal stakeholder discussion" },
            new NextStep { Description = "sign a letter of intent", TargetDate = Date(2025, 9, 30) },
        },
    };

    /// <summary>Surakarta's 2015 letter of intent with Xi'an.</summary>
    public static Document SoloLetterOfIntent2015() => new()
    {
        Kind = DocumentKind.LetterOfIntent,
        Number = "LoI/2015/09",
        Date = Date(2015, 9, 25),
        Place = "Xi'an",
        Title = "Letter of intent on sister-city cooperation between Surakarta and Xi'an",
        Validity = new ValidityWindow { EffectiveDate = Date(2015, 9, 25), ExpiryDate = Date(2020, 9, 24) },
    };
}
