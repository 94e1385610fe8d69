namespace CollabPlatform.Domain.JointPrograms;

/// <summary>A measured result of a joint programme, e.g. "tourist visits", unit "persons".</summary>
/// <param name="Id">Unique within the programme.</param>
/// <param name="Name">What is measured.</param>
/// <param name="Unit">The unit of <paramref name="Target"/> and <paramref name="Actual"/>.</param>
/// <param name="Target">The planned value, at least 0.</param>
/// <param name="Actual">The latest measured value, at least 0, or null before the first measurement.</param>
public sealed record Indicator(string Id, string Name, string Unit, double Target, double? Actual = null);
