using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Tests.Alerts.Support;

/// <summary>Keeps every rendered log line (with its exception) to check what is, and is not, logged.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue(formatter(state, exception) + " " + exception);
}
