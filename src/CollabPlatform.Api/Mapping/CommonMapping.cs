using CollabPlatform.Domain.Common;
using V1 = CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Mapping;

/// <summary>The shared vocabulary of common.proto: sectors, people, sides.</summary>
internal static class CommonMapping
{
    public static V1.Sector ToProto(this Sector sector) => EnumMap<Sector, V1.Sector>.ToProto(sector);

    public static Sector ToDomain(this V1.Sector sector) => EnumMap<Sector, V1.Sector>.ToDomain(sector);

    /// <summary>Sectors in the order given, each once ("duplicates are ignored", says the contract).</summary>
    public static ValueList<Sector> ToDomain(this IEnumerable<V1.Sector> sectors) =>
        ValueList.From(sectors.Select(ToDomain).Distinct());

    public static V1.PartySide ToProto(this PartySide side) => EnumMap<PartySide, V1.PartySide>.ToProto(side);

    public static V1.Person ToProto(this Person person) => new()
    {
        Name = person.Name,
        Title = person.Title ?? string.Empty,
        Organisation = person.Organisation ?? string.Empty,
        Side = person.Side.ToProto(),
    };

    public static Person ToDomain(this V1.Person person) =>
        new(person.Name.Trim(), Optional(person.Title), Optional(person.Organisation), EnumMap<PartySide, V1.PartySide>.ToDomain(person.Side));

    public static ValueList<Person> ToDomain(this IEnumerable<V1.Person> people) => ValueList.From(people.Select(ToDomain));

    /// <summary>Proto3 has no null string: an empty or blank one means "not given".</summary>
    public static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
