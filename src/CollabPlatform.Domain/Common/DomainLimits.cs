namespace CollabPlatform.Domain.Common;

/// <summary>
/// Size limits on what a command may carry (protos/README.md, "Limits").
/// The API layer checks the same numbers before a grain call; the domain re-checks them because it
/// must never store more than it promises to serve back.
/// </summary>
public static class DomainLimits
{
    /// <summary>Ids assigned by callers or grains (partnership, document, meeting, programme ids).</summary>
    public const int MaxIdLength = 100;

    /// <summary>Names, titles, places, document numbers, roles.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Free text: summaries, outcomes, reasons, findings, notes.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Items in a list such as sectors, strengths, milestones, indicators, next steps, facilitators.</summary>
    public const int MaxListItems = 50;

    /// <summary>Signatories, witnesses or participants of one document or meeting.</summary>
    public const int MaxPeople = 100;

    /// <summary>Documents attached to one partnership over its whole life.</summary>
    public const int MaxDocuments = 500;

    /// <summary>Meetings recorded on one partnership over its whole life.</summary>
    public const int MaxMeetings = 1000;

    /// <summary>Reports or evaluations on one joint programme.</summary>
    public const int MaxReports = 500;

    /// <summary>Longest reporting period of a joint programme; the legal frequency is unverified (docs/domain.md §reporting), so it is data.</summary>
    public const int MaxReportingPeriodMonths = 12;

    /// <summary>E-mail addresses and phone numbers.</summary>
    public const int MaxContactLength = 320;
}
