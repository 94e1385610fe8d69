using CollabPlatform.Contracts.V1;
using Grpc.Core;

namespace CollabPlatform.Integration.Tests.Api;

/// <summary>Requests and call options the API tests share.</summary>
internal static class ApiRequests
{
    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static CallOptions As(string actor) => new(new Metadata { { "x-collab-actor", actor } }, DateTime.UtcNow.AddSeconds(60));

    public static string NewRequestId() => Guid.NewGuid().ToString();

    public static ProposePartnershipRequest KlatenNanjing() => new()
    {
        RequestId = NewRequestId(),
        Kind = PartnershipKind.FriendshipExchange,
        Title = "Klaten – Nanjing County friendship exchange",
        LocalRegionId = "ID-33.10",
        Counterpart = new Counterpart { ForeignRegionId = "CN-350627" },
        PrioritySectors = { Sector.Tourism, Sector.Msme, Sector.Agriculture },
        InitialStage = PartnershipStage.Exploration,
    };

    public static Document LetterOfIntent(Google.Type.Date date) => new()
    {
        Kind = DocumentKind.LetterOfIntent,
        Date = date,
        Place = "Surakarta",
        Title = "Letter of intent on sister-city cooperation",
        Validity = new ValidityWindow { EffectiveDate = date },
    };
}
