namespace CollabPlatform.Persistence.Audit;

/// <summary>Filters of an audit query; they combine with AND and an unset one matches everything.</summary>
public sealed record AuditFilter
{
    /// <summary>Only records this jurisdiction may read (the caller's own, unless it is global).</summary>
    public string? Viewer { get; init; }

    /// <summary>Only records of resources this jurisdiction sees.</summary>
    public string? Scope { get; init; }

    /// <summary>Only changes of this partnership and of its joint programmes.</summary>
    public string? PartnershipId { get; init; }

    /// <summary>Only changes of this resource (a partnership, joint programme or region id).</summary>
    public string? ResourceId { get; init; }

    public string? Actor { get; init; }

    /// <summary>Recorded at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Recorded before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>A canonical text of the filters, bound into page tokens.</summary>
    public string Key => string.Join(
        '|',
        "audit",
        Viewer,
        Scope,
        PartnershipId,
        ResourceId,
        Actor,
        From?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Until?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
