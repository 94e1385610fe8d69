using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Feeds;

/// <summary>
/// Feed components log from background loops that can outlive the test's output helper by a few
/// milliseconds; those late lines are dropped instead of failing the loop. Every entry is also kept,
/// for tests that check what an operator would read.
/// </summary>
public sealed class OutputLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    private readonly TestOutputLogger _inner = new(output);
    private readonly ConcurrentQueue<(EventId EventId, string Message)> _entries = new();

    public IReadOnlyCollection<(EventId EventId, string Message)> Entries => _entries;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _entries.Enqueue((eventId, formatter(state, exception)));
        try
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
        catch (InvalidOperationException)
        {
            // The test has finished.
        }
    }
}
