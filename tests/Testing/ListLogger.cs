using Microsoft.Extensions.Logging;

namespace LiveRoom.Testing;

/// <summary>
/// Keeps every log line in memory (<c>{level}: {message}</c>, then the exception if any) so a test can check what is,
/// and is not, logged, and how often.
/// </summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> _lines = [];

    /// <summary>A copy of the lines so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_lines)
        {
            _lines.Add($"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");
        }
    }
}
