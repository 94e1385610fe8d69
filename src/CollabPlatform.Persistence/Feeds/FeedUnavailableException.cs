namespace CollabPlatform.Persistence.Feeds;

/// <summary>
/// The process's feeds were shut down (or never started). The watcher should reconnect, here or to
/// another replica, with the cursor of the last item it processed; nothing is lost.
/// </summary>
public sealed class FeedUnavailableException : Exception
{
    public FeedUnavailableException()
    {
    }

    public FeedUnavailableException(string message)
        : base(message)
    {
    }

    public FeedUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
