namespace CollabPlatform.Persistence.ReadModels;

/// <summary>A joint programme as the read model lists it.</summary>
public sealed record ProgramListRow(string ProgramId, string PartnershipId, long Version, DateTimeOffset CreatedAt);
