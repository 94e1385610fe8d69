namespace CollabPlatform.Domain.Common;

/// <summary>
/// Field checks shared by the aggregates. Each returns null when the value is acceptable or the
/// rejection to return, so a decision reads as a list of checks.
/// </summary>
internal static class Check
{
    public static Rejection? Required(string? value, string field, string what, int maxLength = DomainLimits.MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Rejection.Invalid(field, $"{what} is required");
        }

        return TooLong(value, field, what, maxLength);
    }

    public static Rejection? Optional(string? value, string field, string what, int maxLength = DomainLimits.MaxNameLength) =>
        value is null ? null : TooLong(value, field, what, maxLength);

    public static Rejection? Id(string? value, string field, string what)
    {
        if (Required(value, field, what, DomainLimits.MaxIdLength) is { } rejection)
        {
            return rejection;
        }

        var text = value!;
        return text.Any(char.IsControl) || text != text.Trim()
            ? Rejection.Invalid(field, $"{what} must not contain control characters or surrounding spaces")
            : null;
    }

    public static Rejection? People(IReadOnlyList<Person>? people, string field, string what)
    {
        if (people is null)
        {
            return null;
        }

        if (people.Count > DomainLimits.MaxPeople)
        {
            return Rejection.Invalid(field, $"{what} may list at most {DomainLimits.MaxPeople} people; {people.Count} were given");
        }

        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (person is null)
            {
                return Rejection.Invalid($"{field}[{i}]", $"{what} #{i + 1} is empty");
            }

            var rejection = Required(person.Name, $"{field}[{i}].name", $"the name of {what} #{i + 1}")
                ?? Optional(person.Title, $"{field}[{i}].title", $"the title of {what} #{i + 1}")
                ?? Optional(person.Organisation, $"{field}[{i}].organisation", $"the organisation of {what} #{i + 1}")
                ?? Defined(person.Side, $"{field}[{i}].side", $"the side of {what} #{i + 1}");
            if (rejection is not null)
            {
                return rejection;
            }
        }

        return null;
    }

    public static Rejection? Sectors(IReadOnlyList<Sector>? sectors, string field)
    {
        if (sectors is null)
        {
            return null;
        }

        if (sectors.Count > DomainLimits.MaxListItems)
        {
            return Rejection.Invalid(field, $"at most {DomainLimits.MaxListItems} priority sectors may be named; {sectors.Count} were given");
        }

        var seen = new HashSet<Sector>();
        foreach (var sector in sectors)
        {
            if (!Enum.IsDefined(sector))
            {
                return Rejection.Invalid(field, $"{(int)sector} is not a known sector");
            }

            if (!seen.Add(sector))
            {
                return Rejection.Invalid(field, $"the sector {sector} is named twice");
            }
        }

        return null;
    }

    public static Rejection? Defined<TEnum>(TEnum value, string field, string what)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : Rejection.Invalid(field, $"{what} has the unknown value {value}");

    public static Rejection? NotInFuture(DateOnly date, CommandContext ctx, string field, string what) =>
        date > ctx.Today
            ? Rejection.Invalid(field, $"{what} {Wording.Date(date)} is in the future (today is {Wording.Date(ctx.Today)} UTC)")
            : null;

    public static Rejection? Set(DateOnly date, string field, string what) =>
        date == default ? Rejection.Invalid(field, $"{what} is required") : null;

    public static Rejection? ListSize<T>(IReadOnlyList<T>? items, string field, string what, int max = DomainLimits.MaxListItems) =>
        items is not null && items.Count > max
            ? Rejection.Invalid(field, $"at most {max} {what} may be given; {items.Count} were")
            : null;

    private static Rejection? TooLong(string value, string field, string what, int maxLength) =>
        value.Length > maxLength
            ? Rejection.Invalid(field, $"{what} has {value.Length} characters; at most {maxLength} are allowed")
            : null;
}
