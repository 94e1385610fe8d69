namespace CollabPlatform.Persistence.Ledger;

/// <summary>
/// Another writer appended to the stream after the version this change was decided on. Nothing was
/// written; the caller may reload and retry.
/// </summary>
public sealed class LedgerConflictException : Exception
{
    public LedgerConflictException()
    {
    }

    public LedgerConflictException(string message)
        : base(message)
    {
    }

    public LedgerConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? StreamId { get; init; }

    public long ExpectedVersion { get; init; }
}
