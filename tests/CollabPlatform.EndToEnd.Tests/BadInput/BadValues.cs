using System.Globalization;
using CsCheck;

namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>Generators of values that break the contract's rules (protos/README.md "Limits" and "Conventions").</summary>
public static class BadValues
{
    /// <summary>Identifier limit: ids are at most 100 characters.</summary>
    public const int IdLimit = 100;

    /// <summary>Names, titles, places, numbers and kinds.</summary>
    public const int NameLimit = 200;

    /// <summary>E-mail addresses and phone numbers.</summary>
    public const int ContactLimit = 320;

    /// <summary>Free text: summaries, outcomes, notes, reasons, findings, descriptions, addresses.</summary>
    public const int TextLimit = 4000;

    /// <summary>List items, except people.</summary>
    public const int ListLimit = 50;

    /// <summary>People on one document or meeting.</summary>
    public const int PeopleLimit = 100;

    private static readonly Gen<char> Printable = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/ éü漢字"];

    /// <summary>A string over <paramref name="limit"/> characters, sometimes far over.</summary>
    public static Gen<string> TooLong(int limit) =>
        Gen.Frequency((4, Gen.Int[limit + 1, limit + 50]), (1, Gen.Int[limit * 2, limit * 10]))
            .Select(Printable, (length, c) => new string(c, length));

    /// <summary>Empty or blank: a required string that is missing.</summary>
    public static readonly Gen<string> Blank = Gen.OneOf("", " ", "\t", "  \n ");

    /// <summary>Ids that no server can have issued: blank, too long, with control characters or surrounding spaces, or plain junk.</summary>
    public static Gen<string> MalformedId(string prefix) => Gen.OneOf(
        Blank,
        TooLong(IdLimit).Select(s => prefix + s),
        Gen.OneOf($"{prefix}1\n", $" {prefix}1", $"{prefix}1 ", $"{prefix}\u0000", $"{prefix}\u0007x", "../../etc/passwd", "%00", "{{id}}", "\u202e1-P"),
        Gen.String[Gen.Char["!@#$%^&*()+=[]{}|;'\",<>? \\"], 1, 30]);

    /// <summary>Region ids that are malformed or name no region of the catalogue.</summary>
    public static readonly Gen<string> BadRegionId = Gen.OneOf(
        MalformedId("ID-"),
        Gen.OneOf("ID-99", "ID-33.99", "CN-999999", "KR-00000", "JP-99", "XX-1", "ID33", "ID-", "-33", "ID--33", "id-33.10x", "ID-33.10.99.99"));

    /// <summary>Partnership ids that are malformed or name nothing.</summary>
    public static readonly Gen<string> BadPartnershipId = Gen.OneOf(
        MalformedId("P-"),
        Gen.Long[1_000_000_000L, long.MaxValue].Select(n => "P-" + n.ToString(CultureInfo.InvariantCulture)),
        Gen.OneOf("P-", "JP-1", "X-1", "p-1x"));

    /// <summary>Joint-program ids that are malformed or name nothing.</summary>
    public static readonly Gen<string> BadJointProgramId = Gen.OneOf(
        MalformedId("JP-"),
        Gen.Long[1_000_000_000L, long.MaxValue].Select(n => "JP-" + n.ToString(CultureInfo.InvariantCulture)),
        Gen.OneOf("JP-", "P-1", "X-1"));

    /// <summary>Request ids that are blank or too long (the joint-program service allows 64 characters, the others 100).</summary>
    public static readonly Gen<string> BadRequestId = Gen.OneOf(Blank, TooLong(IdLimit));

    /// <summary>Dates that are not calendar dates: month 13, day 0, year 0, 30 February, negative parts.</summary>
    public static readonly Gen<Google.Type.Date> BadDate = Gen.OneOf(
        Gen.Int[13, 100].Select(m => new Google.Type.Date { Year = 2024, Month = m, Day = 1 }),
        Gen.Const(() => new Google.Type.Date { Year = 2024, Month = 5, Day = 0 }),
        Gen.Int[32, 99].Select(d => new Google.Type.Date { Year = 2024, Month = 1, Day = d }),
        Gen.Const(() => new Google.Type.Date { Year = 0, Month = 6, Day = 24 }),
        Gen.Const(() => new Google.Type.Date { Year = 2025, Month = 2, Day = 29 }),
        Gen.Const(() => new Google.Type.Date { Year = 2024, Month = 2, Day = 30 }),
        Gen.Const(() => new Google.Type.Date { Year = 2024, Month = 4, Day = 31 }),
        Gen.Int[int.MinValue, -1].Select(y => new Google.Type.Date { Year = y, Month = 1, Day = 1 }),
        Gen.Const(() => new Google.Type.Date { Year = 2024, Month = -1, Day = 1 }),
        Gen.Const(() => new Google.Type.Date { Year = 10000, Month = 1, Day = 1 }));

    /// <summary>A day after today (UTC): things that must have happened cannot be dated then.</summary>
    public static readonly Gen<Google.Type.Date> FutureDate = Gen.Int[2, 4000].Select(days =>
    {
        var d = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days);
        return new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day };
    });

    /// <summary>An enum number the contract does not define (every collab.v1 enum has fewer than 20 values).</summary>
    public static readonly Gen<int> UnknownEnum = Gen.OneOf(Gen.Int[20, 100_000], Gen.Int[int.MinValue, -1], Gen.Const(999));

    /// <summary>Page tokens and cursors the server never issued.</summary>
    public static readonly Gen<string> BadToken = Gen.OneOf(
        Gen.OneOf("not-a-token", "!!!", "%%%", "null", "-1", "eyJhbGciOiJub25lIn0", "{}", "\u0000"),
        Gen.Byte.Array[1, 64].Select(Convert.ToBase64String),
        Gen.Byte.Array[1, 64].Select(Convert.ToBase64String).Select(s => "~" + s),
        Gen.String[Gen.Char["!@#$%^&*()+=[]{}|;'\",<>? \\"], 1, 40],
        TooLong(1000));
}
