using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.Logging;

namespace CollabPlatform.Persistence.Feeds;

internal static partial class Log
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Ledger tailer started at {Cursor}")]
    public static partial void TailerStarted(this ILogger logger, LedgerCursor cursor);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Listening for ledger commits on channel {Channel}")]
    public static partial void Listening(this ILogger logger, string channel);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "The ledger notification connection failed; reconnecting in {DelayMilliseconds} ms, polling meanwhile")]
    public static partial void ListenFailed(this ILogger logger, long delayMilliseconds, Exception exception);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Reading the ledger after {Cursor} failed; retrying in {DelayMilliseconds} ms")]
    public static partial void ReadFailed(this ILogger logger, LedgerCursor cursor, long delayMilliseconds, Exception exception);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Debug, Message = "Transaction {TransactionId} committed but is not readable yet behind an older open transaction; reading again in {DelayMilliseconds} ms")]
    public static partial void CommitNotYetReadable(this ILogger logger, ulong transactionId, long delayMilliseconds);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Trace, Message = "Published {Count} ledger events through {Cursor} to {Subscriptions} live feeds")]
    public static partial void Published(this ILogger logger, int count, LedgerCursor cursor, int subscriptions);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Information, Message = "A feed of scope {Scope} fell {Capacity} events behind; it reads the ledger from {Cursor} until it has caught up")]
    public static partial void SubscriptionLagging(this ILogger logger, string scope, int capacity, LedgerCursor cursor);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Information, Message = "Ledger tailer stopped at {Cursor}; {Subscriptions} live feeds were closed")]
    public static partial void TailerStopped(this ILogger logger, LedgerCursor cursor, int subscriptions);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Warning, Message = "Ledger writer transaction {TransactionId} (pid {Pid}, application {Application}) has been open {Seconds:F1} s, more than {ThresholdSeconds} s; feeds deliver nothing committed after it until it ends (idle_in_transaction_session_timeout bounds an idle one)")]
    public static partial void HorizonHeld(this ILogger logger, ulong transactionId, int pid, string application, double seconds, double thresholdSeconds);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Debug, Message = "Checking the ledger horizon failed; the next check is in a second")]
    public static partial void HorizonCheckFailed(this ILogger logger, Exception exception);
}
