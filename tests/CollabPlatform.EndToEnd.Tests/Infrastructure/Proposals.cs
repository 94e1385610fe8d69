using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>Domain commands for tests that talk to grains directly through an Orleans client.</summary>
public static class Proposals
{
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
}
