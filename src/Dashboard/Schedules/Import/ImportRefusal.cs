using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>Inside a parser only: unwinds to its entry point, which turns it into <see cref="ParsedSchedule.Refused"/>.</summary>
internal sealed class ImportRefusal(int line, LocalText message) : Exception(At(line, message).English)
{
    public int Line { get; } = line;

    /// <summary>The refusal with its line: "line 4: …" / "第 4 行：…".</summary>
    public LocalText Text { get; } = At(line, message);

    /// <summary><paramref name="message"/> about line <paramref name="line"/> of the file.</summary>
    public static LocalText At(int line, LocalText message) => new(
        string.Create(CultureInfo.InvariantCulture, $"line {line}: {message.English}"),
        string.Create(CultureInfo.InvariantCulture, $"第 {line} 行：{message.Chinese}"));
}
