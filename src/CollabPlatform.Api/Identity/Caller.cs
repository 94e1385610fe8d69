namespace CollabPlatform.Api.Identity;

/// <summary>Who is calling: the actor recorded on every change they make.</summary>
/// <param name="Actor">The subject, e.g. <c>official:ID-33.10</c>; <c>anonymous</c> when nobody is named.</param>
public sealed record Caller(string Actor);
