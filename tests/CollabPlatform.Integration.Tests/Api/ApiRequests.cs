using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using Grpc.Core;

namespace CollabPlatform.Integration.Tests.Api;

/// <summary>Requests and call options the API tests share.</summary>
internal static class ApiRequests
{
    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>Call options of <paramref name="principal"/>: its bearer token and a deadline.</summary>
    public static CallOptions As(Principal principal) => WithToken(TestTokens.For(principal));

    /// <summary>Call options carrying <paramref name="token"/> as it is (or no authorization at all for null).</summary>
    public static CallOptions WithToken(string? token) =>
        new(token is null ? [] : new Metadata { { "authorization", "Bearer " + token } }, DateTime.UtcNow.AddSeconds(60));

    /// <summary>The official of a region, e.g. <c>official:ID-33.10</c>.</summary>
    public static CallOptions AsOfficial(string region) => As(TestTokens.Official(region));

    /// <summary>The admin, who sees everything.</summary>
    public static CallOptions AsAdmin() => As(TestTokens.Admin);

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
