using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CollabPlatform.Domain.Regions;

/// <summary>
/// A region's identity: ISO 3166-1 alpha-2 country plus the official code in that country's own
/// catalogue, written <c>ID-33.10</c> (Klaten), <c>CN-350627</c> (Nanjing County), <c>KR-36330</c>.
/// </summary>
public readonly partial record struct RegionId
{
    private RegionId(string country, string code)
    {
        Country = country;
        Code = code;
    }

    /// <summary>ISO 3166-1 alpha-2 country code, upper case.</summary>
    public string Country { get; }

    /// <summary>The code as the country's official catalogue writes it.</summary>
    public string Code { get; }

    /// <summary>Parses a region id, explaining what is wrong when it cannot.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RegionId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a region id is required, e.g. ID-33.10 or CN-350627";
            return false;
        }

        if (text.Length > 32)
        {
            error = "a region id has at most 32 characters";
            return false;
        }

        var match = Shape().Match(text);
        if (!match.Success)
        {
            error = $"'{Printable(text)}' is not a region id: expected a country code, a dash and the official code, e.g. ID-33.10";
            return false;
        }

        var country = match.Groups["country"].Value;
        var code = match.Groups["code"].Value;
        var codeOk = country switch
        {
            // Kemendagri codes: province NN, regency/city NN.NN.
            "ID" => IndonesianCode().IsMatch(code),
            // GB/T 2260 six-digit administrative division codes.
            "CN" => ChineseCode().IsMatch(code),
            // KOSTAT census codes: 2-digit sido, 5-digit sigungu.
            "KR" => KoreanCode().IsMatch(code),
            // JIS X 0401 prefecture (2 digits) or local government code with check digit (6 digits).
            "JP" => JapaneseCode().IsMatch(code),
            _ => true,
        };
        if (!codeOk)
        {
            error = $"'{Printable(text)}' does not have the shape of an official {country} region code";
            return false;
        }

        id = new RegionId(country, code);
        error = null;
        return true;
    }

    /// <summary>Parses a region id or throws <see cref="FormatException"/>.</summary>
    public static RegionId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Builds the id of an entry in a country's catalogue.</summary>
    public static RegionId Of(string country, string code) => Parse($"{country}-{code}");

    public override string ToString() => Country is null ? string.Empty : $"{Country}-{Code}";

    private static string Printable(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(?<country>[A-Z]{2})-(?<code>[0-9A-Z][0-9A-Z.]{0,28})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^[0-9]{2}(\.[0-9]{2})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex IndonesianCode();

    [GeneratedRegex(@"^[0-9]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseCode();

    [GeneratedRegex(@"^([0-9]{2}|[0-9]{5})\z", RegexOptions.CultureInvariant)]
    private static partial Regex KoreanCode();

    [GeneratedRegex(@"^([0-9]{2}|[0-9]{6})\z", RegexOptions.CultureInvariant)]
    private static partial Regex JapaneseCode();
}
