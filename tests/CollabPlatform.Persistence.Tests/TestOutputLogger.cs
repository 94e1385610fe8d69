using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests;

/// <summary>Sends log lines to the test's output, so timings and decisions show up next to the result.</summary>
public sealed class TestOutputLogger(ITestOutputHelper output) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        output.WriteLine($"[{logLevel}] {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");
    }
}
