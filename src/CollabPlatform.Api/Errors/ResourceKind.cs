namespace CollabPlatform.Api.Errors;

/// <summary>The aggregates a mutation addresses, each with its own NOT_FOUND reason.</summary>
public enum ResourceKind
{
    Region,
    Partnership,
    JointProgram,
}
