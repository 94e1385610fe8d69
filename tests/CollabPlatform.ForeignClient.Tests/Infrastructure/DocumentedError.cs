namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>An error a proto comment lists for an rpc: the status name (e.g. <c>NOT_FOUND</c>) and, when named, the ErrorInfo reason.</summary>
public sealed record DocumentedError(string Rpc, string Code, string? Reason)
{
    public override string ToString() => $"{Rpc}: {Code}{(Reason is null ? string.Empty : $" ({Reason})")}";
}
