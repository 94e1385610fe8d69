using System.Globalization;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Cli.Commands;

/// <summary>How the text output spells values.</summary>
internal static class Text
{
    public static string Date(Google.Type.Date? date) =>
        date is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-{date.Month:00}-{date.Day:00}");

    public static string Counterpart(Counterpart? counterpart) => counterpart?.PartyCase switch
    {
        Contracts.V1.Counterpart.PartyOneofCase.ForeignRegionId => counterpart.ForeignRegionId,
        Contracts.V1.Counterpart.PartyOneofCase.Institution => $"{counterpart.Institution.Name} ({counterpart.Institution.Country})",
        _ => "-",
    };
}
