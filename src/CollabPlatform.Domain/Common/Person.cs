namespace CollabPlatform.Domain.Common;

/// <summary>A signatory, witness or participant, as the document or minutes name them.</summary>
/// <param name="Name">Name as written (may be a role when the record gives no name, e.g. "Vice Mayor of Zhangzhou").</param>
/// <param name="Title">Office held at the time, e.g. "Bupati Klaten"; kept because heads change (docs/domain.md §head-change).</param>
/// <param name="Organisation">Government or body represented.</param>
/// <param name="Side">Which party the person represents.</param>
public sealed record Person(string Name, string? Title, string? Organisation, PartySide Side);
