using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>Source-generated JSON of the run records kept on disk.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChecklistRun))]
internal sealed partial class LifecycleJsonContext : JsonSerializerContext
{
}
