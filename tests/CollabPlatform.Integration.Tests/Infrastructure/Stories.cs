using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Integration.Tests.Infrastructure;

/// <summary>Commands from the acceptance stories, with fresh ids for each test.</summary>
public static class Stories
{
    public static string NewPartnershipId() => "P-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Klaten – Nanjing County (Fujian): a friendship exchange, facilitated by Jawa Tengah.</summary>
    public static ProposePartnership KlatenNanjing(string id) => new()
    {
        PartnershipId = id,
        Kind = PartnershipKind.FriendshipExchange,
        Title = "Klaten – Nanjing County friendship exchange",
        LocalRegion = RegionId.Parse("ID-33.10"),
        Counterpart = Counterpart.OfRegion(RegionId.Parse("CN-350627")),
        PrioritySectors = [Sector.Tourism, Sector.Msme, Sector.Agriculture],
        InitialStage = PartnershipStage.Exploration,
    };

    /// <summary>The minutes of meeting signed in Semarang on 2025-06-24.</summary>
    public static AttachDocument SemarangMinutes() => new()
    {
        DocumentId = "D-MOM-2025-06-24",
        Kind = DocumentKind.MinutesOfMeeting,
        Date = new DateOnly(2025, 6, 24),
        Place = "Semarang",
        Title = "Minutes of Meeting on a sister-city cooperation between Klaten and Nanjing County",
        Signatories =
        [
            new Person("Hamenang Wajar Ismoyo", "Bupati of Klaten", "Pemerintah Kabupaten Klaten", PartySide.Local),
            new Person("Vice Mayor of Zhangzhou", "Representative of Nanjing County", "Zhangzhou Municipal People's Government", PartySide.Foreign),
        ],
        Witnesses =
        [
            new Person("Ahmad Luthfi", "Governor of Jawa Tengah", "Pemerintah Provinsi Jawa Tengah", PartySide.Local),
            new Person("Governor of Fujian", "Governor", "Fujian Provincial People's Government", PartySide.Foreign),
        ],
    };

    /// <summary>A letter of intent, in force from its date until <paramref name="expires"/>.</summary>
    public static AttachDocument LetterOfIntent(DateOnly date, DateOnly? expires) => new()
    {
        DocumentId = "D-LOI-" + date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        Kind = DocumentKind.LetterOfIntent,
        Date = date,
        Place = "Klaten",
        Title = "Letter of intent on friendship cooperation",
        Signatories =
        [
            new Person("Hamenang Wajar Ismoyo", "Bupati of Klaten", "Pemerintah Kabupaten Klaten", PartySide.Local),
            new Person("County Head of Nanjing", "County Head", "Nanjing County People's Government", PartySide.Foreign),
        ],
        Validity = new ValidityWindow(date, expires),
    };
}
