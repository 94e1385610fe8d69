using System.Text.RegularExpressions;
using CollabPlatform.Api.Errors;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.Regions;
using Google.Rpc;

namespace CollabPlatform.Api.Validation;

/// <summary>
/// Collects every problem of one request before anything is called, so that a caller learns all of
/// them at once (INVALID_ARGUMENT with one <c>google.rpc.BadRequest</c> field violation each). Field
/// paths use proto names with indices, e.g. <c>meeting.next_steps[0].target_date</c>. Each rule
/// returns whether the value passed, so dependent checks can be skipped.
/// </summary>
public sealed partial class Violations
{
    /// <summary>Ids (request ids, partnership and programme ids, region ids).</summary>
    public const int IdLength = DomainLimits.MaxIdLength;

    /// <summary>Names, titles, places, numbers, kinds, roles.</summary>
    public const int NameLength = DomainLimits.MaxNameLength;

    /// <summary>E-mail addresses and phone numbers.</summary>
    public const int ContactLength = DomainLimits.MaxContactLength;

    /// <summary>Summaries, outcomes, notes, reasons, findings, descriptions, addresses.</summary>
    public const int TextLength = DomainLimits.MaxTextLength;

    /// <summary>Items of a list.</summary>
    public const int ListItems = DomainLimits.MaxListItems;

    /// <summary>People on one document or meeting.</summary>
    public const int People = DomainLimits.MaxPeople;

    /// <summary>The earliest year of a date in a request.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year of a date in a request.</summary>
    public const int MaxYear = 2199;

    private readonly List<BadRequest.Types.FieldViolation> _items = [];

    public IReadOnlyList<BadRequest.Types.FieldViolation> Items => _items;

    public bool IsValid => _items.Count == 0;

    /// <summary>The offending fields, in the order found.</summary>
    public IEnumerable<string> Fields => _items.Select(v => v.Field);

    public void Add(string field, string description) =>
        _items.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    /// <summary>Throws INVALID_ARGUMENT with every violation found, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw RpcErrors.InvalidArgument(_items);
        }
    }

    /// <summary>A client idempotency key: required, printable, at most <paramref name="maxLength"/> characters.</summary>
    public bool RequestId(string value, int maxLength = IdLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add("request_id", "request_id is required: generate a new one (a UUID) for each change and send the same one again when you retry it");
            return false;
        }

        return Token(value, "request_id", "request_id", maxLength);
    }

    /// <summary>A required text of at most <paramref name="maxLength"/> characters, not blank.</summary>
    public bool Required(string value, string field, string what, int maxLength = NameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{what} is required");
            return false;
        }

        return MaxLength(value, field, what, maxLength);
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters.</summary>
    public bool MaxLength(string value, string field, string what, int maxLength = NameLength)
    {
        if (value.Length > maxLength)
        {
            Add(field, $"{what} has {value.Length} characters; at most {maxLength} are allowed");
            return false;
        }

        return true;
    }

    /// <summary>A partnership id, <c>P-…</c>, as the server assigns them.</summary>
    public bool PartnershipId(string value, string field = "partnership_id", bool required = true) =>
        ServerId(value, field, "partnership_id", "P-", "a partnership id such as P-7QK2M4XW9TZB3HDA", required);

    /// <summary>A joint-programme id, <c>JP-…</c>, as the server assigns them.</summary>
    public bool ProgramId(string value, string field = "joint_program_id", bool required = true) =>
        ServerId(value, field, "joint_program_id", "JP-", "a joint program id such as JP-7QK2M4XW9TZB3HDA", required);

    /// <summary>A region id such as <c>ID-33.10</c>; whether the catalogue has it is checked later (NOT_FOUND).</summary>
    public bool RegionId(string value, string field, bool required, out RegionId id)
    {
        id = default;
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Add(field, "a region id is required, e.g. ID-33.10 (Klaten) or CN-350627 (Nanjing County); find ids with SearchRegions");
            }

            return !required;
        }

        if (!Domain.Regions.RegionId.TryParse(value, out id, out var error))
        {
            Add(field, error + "; find ids with SearchRegions");
            return false;
        }

        return true;
    }

    /// <summary>A jurisdiction: a region id (<c>ID-33</c>) or a ministry (<c>MINISTRY-ID</c>).</summary>
    public bool Jurisdiction(string value, string field, bool required, out RegionId? region)
    {
        region = null;
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Add(field, $"{field} is required: a region id such as ID-33 (Jawa Tengah) or a ministry such as MINISTRY-ID");
            }

            return !required;
        }

        if (Jurisdictions.IsMinistry(value))
        {
            return true;
        }

        if (value.StartsWith("MINISTRY-", StringComparison.OrdinalIgnoreCase))
        {
            Add(field, $"'{Printable(value)}' is not a ministry jurisdiction: expected MINISTRY- and an ISO 3166-1 alpha-2 country code in capitals, e.g. MINISTRY-ID");
            return false;
        }

        if (!Domain.Regions.RegionId.TryParse(value, out var id, out var error))
        {
            Add(field, $"{error}; a jurisdiction is a region id such as ID-33 or a ministry such as MINISTRY-ID");
            return false;
        }

        region = id;
        return true;
    }

    /// <summary>A complete, existing calendar date; unset is a violation only when <paramref name="required"/>.</summary>
    public bool Date(Google.Type.Date? date, string field, string what, bool required, out DateOnly value)
    {
        value = default;
        if (date is null)
        {
            if (required)
            {
                Add(field, $"{what} is required, as a complete date {{year, month, day}}");
            }

            return !required;
        }

        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            Add(field, $"{what} {date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a date: year, month and day must all be set and the day must exist in that month");
            return false;
        }

        // Far-off years are typing mistakes here, and the deadlines computed from them (a validity
        // window's end, a report every few months) must stay within the calendar.
        if (date.Year is < MinYear or > MaxYear)
        {
            Add(field, $"{what} {date.Year:D4}-{date.Month:D2}-{date.Day:D2} lies outside the years {MinYear} to {MaxYear} that the register accepts");
            return false;
        }

        value = new DateOnly(date.Year, date.Month, date.Day);
        return true;
    }

    /// <summary>An enum value the contract defines; <c>*_UNSPECIFIED</c> (0) only when not <paramref name="required"/>.</summary>
    public bool Enum<TEnum>(TEnum value, string field, string what, bool required)
        where TEnum : struct, Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            Add(field, $"{what} has the unknown value {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}; use one of {string.Join(", ", Names<TEnum>())}");
            return false;
        }

        if (required && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Add(field, $"{what} is required: one of {string.Join(", ", Names<TEnum>())}");
            return false;
        }

        return true;
    }

    /// <summary>At most <paramref name="max"/> items.</summary>
    public bool ListSize(int count, string field, string what, int max = ListItems)
    {
        if (count > max)
        {
            Add(field, $"at most {max} {what} may be given; {count} were");
            return false;
        }

        return true;
    }

    /// <summary>A number of at least 0 that is not NaN or infinite.</summary>
    public bool Amount(double value, string field, string what)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            Add(field, $"{what} must be a number of at least 0; {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} was given");
            return false;
        }

        return true;
    }

    /// <summary><c>expected_version</c>: 0 skips the check, anything else is a version the caller read.</summary>
    public bool ExpectedVersion(long value)
    {
        if (value < 0)
        {
            Add("expected_version", $"expected_version must be 0 (no check) or the version you last read; {value} was given");
            return false;
        }

        return true;
    }

    /// <summary><c>page_size</c>: 0 means 50, more than 200 means 200, negative is an error.</summary>
    public bool PageSize(int value)
    {
        if (value < 0)
        {
            Add("page_size", $"page_size must not be negative; {value} was given (0 means the default of 50, the most is 200)");
            return false;
        }

        return true;
    }

    /// <summary>An ISO 3166-1 alpha-2 country code in capitals.</summary>
    public bool Country(string value, string field, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Add(field, "a country is required: an ISO 3166-1 alpha-2 code in capitals, e.g. JP");
            }

            return !required;
        }

        if (!CountryShape().IsMatch(value))
        {
            Add(field, $"'{Printable(value)}' is not a country code: expected ISO 3166-1 alpha-2 in capitals, e.g. ID, CN, KR or JP");
            return false;
        }

        return true;
    }

    /// <summary>A short machine-made token (an id): printable, no spaces around it.</summary>
    public bool Token(string value, string field, string what, int maxLength)
    {
        if (!MaxLength(value, field, what, maxLength))
        {
            return false;
        }

        if (value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            Add(field, $"{what} must not contain spaces or control characters");
            return false;
        }

        return true;
    }

    internal static string Printable(string text)
    {
        var clean = new string([.. text.Take(40).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return text.Length > 40 ? clean + "…" : clean;
    }

    private bool ServerId(string value, string field, string what, string prefix, string example, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Add(field, $"{what} is required: {example}, as returned when it was created");
            }

            return !required;
        }

        if (value.Length > IdLength || !value.StartsWith(prefix, StringComparison.Ordinal) || !ServerIdShape().IsMatch(value.AsSpan(prefix.Length)))
        {
            Add(field, $"'{Printable(value)}' is not {example}: ids start with {prefix}, followed by letters, digits, '-', '_' or '.', at most {IdLength} characters in all");
            return false;
        }

        return true;
    }

    private static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum =>
        System.Enum.GetValues<TEnum>()
            .Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .Select(ProtoEnumNames.Of);

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryShape();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ServerIdShape();
}
