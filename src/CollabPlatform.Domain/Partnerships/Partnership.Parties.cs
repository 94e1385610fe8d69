using System.Text.RegularExpressions;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Partnerships;

// Who may partner with whom (PP 28/2018; docs/domain.md §kinds and §preconditions).
public sealed partial class Partnership
{
    private static Rejection? CheckInitialStage(PartnershipStage stage) =>
        stage is PartnershipStage.Initiative or PartnershipStage.Exploration
            ? null
            : Rejection.Invalid("initial_stage",
                $"a partnership starts at Initiative or Exploration, not {stage}; later stages are reached by attaching their documents and advancing");

    private static Rejection? CheckProposedParties(ProposePartnership cmd, RegionCatalog catalog)
    {
        if (!catalog.TryGet(cmd.LocalRegion, out var local))
        {
            return Rejection.Invalid("local_region", $"the local region {Printable(cmd.LocalRegion)} is not in the official region catalogue");
        }

        // KSDPL and KSDLL are cooperation of an Indonesian region with foreign parties (PP 28/2018).
        if (local.Id.Country != Countries.Indonesia)
        {
            return Rejection.Invalid("local_region", $"the local region must be an Indonesian province, regency or city; {local.DisplayName} ({local.Id}) is not in Indonesia");
        }

        if (cmd.Counterpart is null)
        {
            return Rejection.Invalid("counterpart", "the counterpart is required: a foreign region or a foreign institution");
        }

        if (cmd.Counterpart.Region is not null && cmd.Counterpart.Institution is not null)
        {
            return Rejection.Invalid("counterpart", "the counterpart is either a foreign region or a foreign institution, not both");
        }

        if (cmd.Counterpart.Institution is { } institution)
        {
            // KSDLL is the kind for foreign institutions; a local-government kind needs a government.
            if (cmd.Kind != PartnershipKind.Institutional)
            {
                return Rejection.Invalid("counterpart", $"a {cmd.Kind} partnership is with a foreign local government; a counterpart institution ({institution.Name}) needs the Institutional kind (KSDLL, PP 28/2018)");
            }

            return CheckInstitution(institution, catalog);
        }

        if (cmd.Counterpart.Region is not { } regionId)
        {
            return Rejection.Invalid("counterpart", "the counterpart is required: a foreign region or a foreign institution");
        }

        if (cmd.Kind == PartnershipKind.Institutional)
        {
            return Rejection.Invalid("counterpart", "an Institutional partnership (KSDLL, PP 28/2018) is with a foreign institution; name the institution, not a region");
        }

        if (!catalog.TryGet(regionId, out var foreign))
        {
            return Rejection.Invalid("counterpart.region", $"the counterpart region {Printable(regionId)} is not in the official region catalogue");
        }

        if (foreign.Id.Country == Countries.Indonesia)
        {
            return Rejection.Invalid("counterpart.region", $"the counterpart must be foreign; {foreign.DisplayName} ({foreign.Id}) is Indonesian, and cooperation between Indonesian regions (KSDD) is outside this register");
        }

        return CheckLevels(cmd.Kind, local, foreign);
    }

    // PP 28/2018 asks a KSDPL sister tie for equal administrative status and/or equivalent territory
    // (as did SE Mendagri 193/1652/PUOD of 1993): province with province, regency or city with a
    // municipality. Friendship exchanges and other KSDPL have no such condition, which is how a
    // Chinese county, barred from friendship cities, can partner with an Indonesian regency.
    private static Rejection? CheckLevels(PartnershipKind kind, Region local, Region foreign) => kind switch
    {
        PartnershipKind.SisterProvince when local.Level != 1 =>
            Rejection.Invalid("local_region", $"a sister-province tie needs an Indonesian province; {local.DisplayName} is a {local.Kind} (level {local.Level}), so choose SisterCity, FriendshipExchange or OtherKsdpl (PP 28/2018: equal administrative status)"),
        PartnershipKind.SisterProvince when foreign.Level != 1 =>
            Rejection.Invalid("counterpart.region", $"a sister-province tie needs a foreign first-level unit; {foreign.DisplayName} is a {foreign.Kind} (level {foreign.Level}) (PP 28/2018: equal administrative status)"),
        PartnershipKind.SisterCity when local.Level != 2 =>
            Rejection.Invalid("local_region", $"a sister-city tie needs an Indonesian regency or city; {local.DisplayName} is a {local.Kind} (level {local.Level}), so choose SisterProvince (PP 28/2018: equal administrative status)"),
        PartnershipKind.SisterCity when foreign.Level < 2 =>
            Rejection.Invalid("counterpart.region", $"a sister-city tie needs a foreign municipality (city, county, gun/si, shi/machi); {foreign.DisplayName} is a {foreign.Kind} (level {foreign.Level}) (PP 28/2018: equal administrative status)"),
        _ => null,
    };

    private static Rejection? CheckInstitution(Institution institution, RegionCatalog catalog)
    {
        var rejection = Check.Required(institution.Name, "counterpart.institution.name", "the institution's name")
            ?? Check.Optional(institution.Kind, "counterpart.institution.kind", "the institution's kind");
        if (rejection is not null)
        {
            return rejection;
        }

        if (institution.Country is null || !CountryCode().IsMatch(institution.Country))
        {
            return Rejection.Invalid("counterpart.institution.country", $"the institution's country must be an ISO 3166-1 alpha-2 code in capitals, e.g. JP; '{institution.Country}' is not");
        }

        if (institution.Country == Countries.Indonesia)
        {
            return Rejection.Invalid("counterpart.institution.country", "KSDLL is cooperation with a foreign institution (PP 28/2018); an Indonesian institution cannot be the counterpart");
        }

        if (institution.Region is { } region)
        {
            if (!catalog.Contains(region))
            {
                return Rejection.Invalid("counterpart.institution.region", $"the institution's region {Printable(region)} is not in the official region catalogue");
            }

            if (region.Country != institution.Country)
            {
                return Rejection.Invalid("counterpart.institution.region", $"the institution's region {region} is not in its country {institution.Country}");
            }
        }

        return null;
    }

    private static string Printable(RegionId id) => id.Country is null ? "(none)" : id.ToString();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();
}
