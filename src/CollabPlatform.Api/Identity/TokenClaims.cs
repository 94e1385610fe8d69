using System.Globalization;

namespace CollabPlatform.Api.Identity;

/// <summary>The claims of a CollabPlatform token (README "Authentication"); nothing else in a token is read.</summary>
public static class TokenClaims
{
    /// <summary>Who: a person or system, recorded as the actor of every change, e.g. <c>official:ID-33.10</c>.</summary>
    public const string Subject = "sub";

    /// <summary>One of <c>region-official</c>, <c>facilitator</c>, <c>ministry</c>, <c>auditor</c>, <c>admin</c>.</summary>
    public const string Role = "role";

    /// <summary>A region id (<c>ID-33.10</c>, <c>CN-350000</c>) or a ministry scope (<c>MINISTRY-ID</c>); not needed for <c>admin</c>.</summary>
    public const string Jurisdiction = "jurisdiction";

    /// <summary>The longest subject accepted.</summary>
    public const int MaxSubjectLength = 100;

    /// <summary>
    /// True for a subject that shows as what it is wherever it is recorded: not blank, not padded,
    /// no longer than <see cref="MaxSubjectLength"/>, and without control (Cc), format (Cf, e.g. a
    /// right-to-left override or zero-width space), surrogate or line-separator characters.
    /// </summary>
    public static bool IsValidSubject([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? subject) =>
        !string.IsNullOrWhiteSpace(subject)
        && subject.Length <= MaxSubjectLength
        && subject == subject.Trim()
        && !subject.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}
