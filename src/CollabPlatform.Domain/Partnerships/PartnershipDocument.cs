using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Partnerships;

/// <summary>
/// A document of the lifecycle. Each needs number, date, place, signatories and witnesses
/// (docs/domain.md §documents). Documents are never replaced in place: a renewal adds a new one that
/// supersedes the old.
/// </summary>
public sealed record PartnershipDocument
{
    public required string Id { get; init; }

    public required DocumentKind Kind { get; init; }

    /// <summary>Official letter or register number; some minutes have none.</summary>
    public string? Number { get; init; }

    /// <summary>Date of signing or issue.</summary>
    public required DateOnly Date { get; init; }

    public string? Place { get; init; }

    public required string Title { get; init; }

    public ValueList<Person> Signatories { get; init; } = [];

    public ValueList<Person> Witnesses { get; init; } = [];

    /// <summary>Only letters of intent and agreements carry a validity window.</summary>
    public ValidityWindow? Validity { get; init; }

    /// <summary>The earlier document this one replaces, e.g. the 2015 LoI a 2021 LoI renews.</summary>
    public string? SupersedesDocumentId { get; init; }

    /// <summary>When the platform recorded it.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
