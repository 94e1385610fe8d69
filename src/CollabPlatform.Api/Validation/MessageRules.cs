using System.Text.RegularExpressions;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Validation;

/// <summary>Rules for the messages several requests share: people, sectors, validity windows, documents, meetings.</summary>
internal static partial class MessageRules
{
    /// <summary>A new list of violations for <paramref name="request"/>, with every string already checked for forbidden characters.</summary>
    public static Violations Start(Google.Protobuf.IMessage request)
    {
        var violations = new Violations();
        TextScan.Check(request, violations);
        return violations;
    }

    public static void Person(this Violations v, Person? person, string field, string what)
    {
        if (person is null)
        {
            v.Add(field, $"{what} is empty");
            return;
        }

        v.Required(person.Name, field + ".name", $"the name of {what}");
        v.MaxLength(person.Title, field + ".title", $"the title of {what}");
        v.MaxLength(person.Organisation, field + ".organisation", $"the organisation of {what}");
        v.Enum(person.Side, field + ".side", $"the side of {what}", required: true);
    }

    public static void People(this Violations v, IList<Person> people, string field, string what)
    {
        if (!v.ListSize(people.Count, field, $"{what}s", Violations.People))
        {
            return;
        }

        for (var i = 0; i < people.Count; i++)
        {
            v.Person(people[i], $"{field}[{i}]", $"{what} #{i + 1}");
        }
    }

    public static void Sectors(this Violations v, IList<Sector> sectors, string field)
    {
        if (!v.ListSize(sectors.Count, field, "sectors"))
        {
            return;
        }

        for (var i = 0; i < sectors.Count; i++)
        {
            v.Enum(sectors[i], $"{field}[{i}]", $"sector #{i + 1}", required: true);
        }
    }

    /// <summary>A validity window: an effective date, and an expiry date after it when there is one.</summary>
    public static void Validity(this Violations v, ValidityWindow window, string field)
    {
        var hasEffective = v.Date(window.EffectiveDate, field + ".effective_date", "the first day in force", required: true, out var effective);
        if (v.Date(window.ExpiryDate, field + ".expiry_date", "the last day in force", required: false, out var expiry)
            && hasEffective && window.ExpiryDate is not null && expiry <= effective)
        {
            v.Add(field + ".expiry_date", $"the last day in force ({expiry:yyyy-MM-dd}) must be after the first ({effective:yyyy-MM-dd})");
        }
    }

    /// <summary>
    /// A document to attach, or (<paramref name="renewal"/>) the new letter of intent or agreement
    /// of a renewal, which must carry a validity window.
    /// </summary>
    public static void Document(this Violations v, Document? document, string field, bool renewal)
    {
        if (document is null)
        {
            v.Add(field, renewal
                ? "the new document is required: the LETTER_OF_INTENT or AGREEMENT that renews the partnership, with its validity window"
                : "the document is required");
            return;
        }

        var kindKnown = v.Enum(document.Kind, field + ".kind", "the document kind", required: true);
        var carriesWindow = document.Kind is DocumentKind.LetterOfIntent or DocumentKind.Agreement;
        if (renewal && kindKnown && !carriesWindow)
        {
            v.Add(field + ".kind", "a renewal is a new DOCUMENT_KIND_LETTER_OF_INTENT or DOCUMENT_KIND_AGREEMENT");
        }

        v.MaxLength(document.Number, field + ".number", "the document number");
        v.Date(document.Date, field + ".date", "the date of signing or issue", required: true, out _);
        v.MaxLength(document.Place, field + ".place", "the place");
        v.Required(document.Title, field + ".title", "the document title");
        v.People(document.Signatories, field + ".signatories", "signatory");
        v.People(document.Witnesses, field + ".witnesses", "witness");
        if (document.Validity is { } validity)
        {
            if (kindKnown && !carriesWindow)
            {
                v.Add(field + ".validity", "only a DOCUMENT_KIND_LETTER_OF_INTENT or DOCUMENT_KIND_AGREEMENT carries a validity window; leave it unset for other documents");
            }
            else
            {
                v.Validity(validity, field + ".validity");
            }
        }
        else if (renewal)
        {
            v.Add(field + ".validity", "the renewed document needs its validity window: at least the first day in force");
        }

        if (!renewal && document.SupersedesDocumentId.Length > 0)
        {
            v.Token(document.SupersedesDocumentId, field + ".supersedes_document_id", "the superseded document id", Violations.IdLength);
        }
    }

    public static void Meeting(this Violations v, Meeting? meeting, string field)
    {
        if (meeting is null)
        {
            v.Add(field, "the meeting is required: at least its date and mode");
            return;
        }

        var hasDate = v.Date(meeting.Date, field + ".date", "the day of the meeting", required: true, out var date);
        v.Enum(meeting.Mode, field + ".mode", "the meeting mode", required: true);
        v.MaxLength(meeting.Place, field + ".place", "the place");
        v.People(meeting.Participants, field + ".participants", "participant");
        v.MaxLength(meeting.Summary, field + ".summary", "the summary", Violations.TextLength);
        v.MaxLength(meeting.Outcome, field + ".outcome", "the outcome", Violations.TextLength);
        if (!v.ListSize(meeting.NextSteps.Count, field + ".next_steps", "next steps"))
        {
            return;
        }

        for (var i = 0; i < meeting.NextSteps.Count; i++)
        {
            var step = meeting.NextSteps[i];
            var path = $"{field}.next_steps[{i}]";
            if (step is null)
            {
                v.Add(path, $"next step #{i + 1} is empty");
                continue;
            }

            v.Required(step.Description, path + ".description", $"the description of next step #{i + 1}", Violations.TextLength);
            if (v.Date(step.TargetDate, path + ".target_date", $"the target date of next step #{i + 1}", required: false, out var target)
                && step.TargetDate is not null && hasDate && target < date)
            {
                v.Add(path + ".target_date", $"next step #{i + 1} targets {target:yyyy-MM-dd}, before the meeting of {date:yyyy-MM-dd} that agreed it");
            }
        }
    }

    /// <summary>An e-mail address: something@domain.tld without spaces.</summary>
    public static void Email(this Violations v, string value, string field)
    {
        if (value.Length > 0 && v.MaxLength(value, field, "the e-mail address", Violations.ContactLength) && !EmailShape().IsMatch(value))
        {
            v.Add(field, $"'{Violations.Printable(value)}' is not an e-mail address, e.g. kerjasama@klatenkab.go.id");
        }
    }

    /// <summary>A phone number: digits, spaces, +, -, parentheses.</summary>
    public static void Phone(this Violations v, string value, string field)
    {
        if (value.Length > 0 && v.MaxLength(value, field, "the phone number", Violations.ContactLength) && !PhoneShape().IsMatch(value))
        {
            v.Add(field, $"'{Violations.Printable(value)}' is not a phone number: 3 to 32 digits, spaces, +, -, or parentheses, e.g. +62 272 321046");
        }
    }

    // The same shapes the domain accepts (RegionProfile), so nothing valid here is refused there.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{3,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}
