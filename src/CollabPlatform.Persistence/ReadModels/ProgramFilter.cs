namespace CollabPlatform.Persistence.ReadModels;

/// <summary>Filters of a joint-programme list; they combine with AND and an unset one matches everything.</summary>
public sealed record ProgramFilter
{
    public string? PartnershipId { get; init; }

    /// <summary>A domain sector name, e.g. <c>Tourism</c>.</summary>
    public string? Sector { get; init; }

    /// <summary>A domain status name, e.g. <c>Active</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Only programmes whose partnership this jurisdiction sees.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>A canonical text of the filters, bound into page tokens.</summary>
    public string Key => string.Join('|', "programs", PartnershipId, Sector, Status, Jurisdiction);
}
