namespace CollabPlatform.Domain.Partnerships;

/// <summary>
/// When a letter of intent or agreement is in force. The maximum duration is unverified
/// (docs/domain.md §duration), so it is data on each document, never a constant.
/// </summary>
/// <param name="Effective">First day in force.</param>
/// <param name="Expires">Last day in force, or null for an open-ended document.</param>
public sealed record ValidityWindow(DateOnly Effective, DateOnly? Expires = null)
{
    /// <summary>True when <paramref name="date"/> lies within the window.</summary>
    public bool Covers(DateOnly date) => date >= Effective && (Expires is null || date <= Expires);
}
