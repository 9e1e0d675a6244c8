using System.Text.Json.Serialization;
using LiveRoom.Contracts.Payloads;

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
public sealed partial class ContractsJsonContext : JsonSerializerContext
{
}
