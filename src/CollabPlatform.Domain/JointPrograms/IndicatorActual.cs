namespace CollabPlatform.Domain.JointPrograms;

/// <summary>A new measured value for an indicator.</summary>
public sealed record IndicatorActual(string IndicatorId, double Actual);
