namespace CollabPlatform.Persistence.ReadModels;

/// <summary>A partnership as the read model lists it; <see cref="Summary"/> is the JSON the grain wrote with it.</summary>
public sealed record PartnershipListRow(
    string PartnershipId,
    long Version,
    string Stage,
    DateTimeOffset CreatedAt,
    string Summary);
