using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>
/// Renews the governing letter of intent or agreement by signing a new one that supersedes it
/// (docs/domain.md §duration: ties are renewed by new documents, and history keeps both). The kind of the new
/// document follows the stage: a letter of intent at LetterOfIntent, otherwise an agreement.
/// </summary>
public sealed record RenewPartnership : PartnershipCommand
{
    /// <summary>Id of the new document; assigned by the caller.</summary>
    public required string DocumentId { get; init; }

    public string? Number { get; init; }

    public required DateOnly Date { get; init; }

    public string? Place { get; init; }

    public required string Title { get; init; }

    public ValueList<Person> Signatories { get; init; } = [];

    public ValueList<Person> Witnesses { get; init; } = [];

    public required ValidityWindow Validity { get; init; }

    /// <summary>Why it is renewed, e.g. "to comply with PP 28/2018".</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// The kind of document the caller means to renew, when it says; a renewal of another kind
    /// than the stage renews is refused rather than recorded as the stage's kind.
    /// </summary>
    public DocumentKind? Kind { get; init; }
}
