using System.Globalization;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>Inside a parser only: unwinds to its entry point, which turns it into <see cref="ParsedSchedule.Refused"/>.</summary>
internal sealed class ImportRefusal(int line, string message) : Exception(string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}"))
{
    public int Line { get; } = line;
}
