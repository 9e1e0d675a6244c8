using System.Text.Json;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>The last good schedule on disk (<c>schedule.json</c> in the lifecycle directory), so the checklist and the sign run offline.</summary>
internal sealed class ScheduleStore(string directory)
{
    public string Path => System.IO.Path.Combine(directory, "schedule.json");

    public void Save(ScheduleMessage schedule) =>
        AtomicFile.Write(Path, JsonSerializer.SerializeToUtf8Bytes(schedule, ContractsJsonContext.Default.ScheduleMessage));

    /// <summary>The saved schedule; null when there is none. A damaged file is reported through <paramref name="problem"/>.</summary>
    public ScheduleMessage? Load(out string? problem)
    {
        problem = null;
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path), ContractsJsonContext.Default.ScheduleMessage);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            problem = $"{Path}: {ex.Message}";
            return null;
        }
    }
}
