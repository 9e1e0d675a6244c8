using System.Text.Json.Serialization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Contracts.Serialization;

/// <summary>Source-generated (de)serialisation for every payload (no reflection; trimming-safe).</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Default,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(MetricBatch))]
[JsonSerializable(typeof(MetricPoint))]
[JsonSerializable(typeof(AckMessage))]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(DeadLetter))]
[JsonSerializable(typeof(ScheduleMessage))]
[JsonSerializable(typeof(RoomStateMessage))]
[JsonSerializable(typeof(DisplayMessage))]
[JsonSerializable(typeof(ChecklistCommand))]
public sealed partial class ContractsJsonContext : JsonSerializerContext
{
}
