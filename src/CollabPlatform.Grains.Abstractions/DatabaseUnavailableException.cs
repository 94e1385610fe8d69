namespace CollabPlatform.Grains.Abstractions;

/// <summary>
/// A grain call failed because PostgreSQL could not be reached; the caller should retry later,
/// with the same request id for a change. Grains throw this instead of the database driver's
/// exceptions, which Orleans cannot send to a caller on another silo.
/// </summary>
[GenerateSerializer]
[Alias("collab.DatabaseUnavailableException")]
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    /// <param name="message">What failed.</param>
    /// <param name="innerException">Only an exception Orleans can serialize; never the driver's own.</param>
    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
