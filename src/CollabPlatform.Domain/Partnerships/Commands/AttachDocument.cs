using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>Attaches a document of the lifecycle; the stage gates look for these.</summary>
public sealed record AttachDocument : PartnershipCommand
{
    /// <summary>Assigned by the caller (the grain derives it); unique within the partnership.</summary>
    public required string DocumentId { get; init; }

    public required DocumentKind Kind { get; init; }

    public string? Number { get; init; }

    public required DateOnly Date { get; init; }

    public string? Place { get; init; }

    public required string Title { get; init; }

    public ValueList<Person> Signatories { get; init; } = [];

    public ValueList<Person> Witnesses { get; init; } = [];

    /// <summary>Only for a LetterOfIntent or an Agreement.</summary>
    public ValidityWindow? Validity { get; init; }

    public string? SupersedesDocumentId { get; init; }
}
