using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CollabPlatform.Integration.Tests.Telemetry;

/// <summary>
/// Records every log entry of a Host as the Host's console would print it: formatted by the
/// console formatter and options the Host configured, with the scopes its logger factory adds
/// (among them the current trace and span).
/// </summary>
public sealed class ConsoleLineRecorder : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter;
    private IExternalScopeProvider? _scopes;

    public ConsoleLineRecorder(ConsoleFormatter formatter) => _formatter = formatter;

    public RecordedCollection<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Write<TState>(in LogEntry<TState> entry)
    {
        using var writer = new StringWriter();
        _formatter.Write(entry, _scopes, writer);
        Lines.Add(writer.ToString());
    }

    private sealed class LineLogger(ConsoleLineRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => recorder._scopes?.Push(state) ?? NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
    }
}
