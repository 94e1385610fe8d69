namespace CollabPlatform.Cli.Seed;

/// <summary>A partnership the seed loaded: the story's name for it and the id the server gave it.</summary>
internal sealed record SeededPartnership(string Story, string PartnershipId);
