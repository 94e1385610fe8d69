namespace CollabPlatform.Persistence.ReadModels;

/// <summary>One page of a list and the token for the next; an empty token marks the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken);
