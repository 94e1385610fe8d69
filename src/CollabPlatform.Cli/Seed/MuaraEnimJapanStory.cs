using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Cli.Seed;

/// <summary>
/// Story 4 of docs/walkthrough.md: Muara Enim (Sumatera Selatan) and Japan, 2018. A pilot sister-city
/// programme starts with MoUs with Japanese institutions before a municipal counterpart is chosen, so
/// the counterpart is an institution and the kind is KSDLL (PP 28/2018). The institution's name is
/// illustrative: the source does not give it.
/// </summary>
internal static class MuaraEnimJapanStory
{
    public const string Actor = "official:ID-16.03";

    /// <summary>The official the story acts as: a region-official of its local region.</summary>
    public static Principal Official => new(Actor, Role.RegionOfficial, "ID-16.03");
    public const string MuaraEnim = "ID-16.03";
    public const string SumateraSelatan = "ID-16";
    public const string Title = "Muara Enim – Japanese partner institution (2018 pilot sister-city programme)";

    public static readonly Sector[] Sectors =
        [Sector.UrbanManagement, Sector.Agriculture, Sector.Education, Sector.Technology, Sector.HumanResources];

    public static Institution JapaneseInstitution => new() { Name = "Japanese partner institution", Country = "JP", Kind = "institution" };

    public static ProposePartnershipRequest Propose(RequestIds ids) => new()
    {
        RequestId = ids.For("muara-enim/propose"),
        Kind = PartnershipKind.Institutional,
        Title = Title,
        LocalRegionId = MuaraEnim,
        Counterpart = new Counterpart { Institution = JapaneseInstitution },
        PrioritySectors = { Sectors },
        InitialStage = PartnershipStage.Exploration,
        Note = "2018 pilot: MoUs with Japanese institutions first; a municipal counterpart is chosen later",
    };

    /// <summary>Loads the story; returns the partnership id.</summary>
    public static async Task<string> SeedAsync(CollabClient client, RequestIds ids, CancellationToken cancellationToken)
    {
        var response = await client.As(Official).Partnerships.ProposePartnershipAsync(Propose(ids), cancellationToken: cancellationToken);
        return response.Partnership.Id;
    }
}
