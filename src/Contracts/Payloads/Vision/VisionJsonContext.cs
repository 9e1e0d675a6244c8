using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Vision;

/// <summary>Source-generated (de)serialisation of the vision evidence and reference payloads.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Default,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ThumbnailMessage))]
[JsonSerializable(typeof(ReferenceCommand))]
public sealed partial class VisionJsonContext : JsonSerializerContext
{
}
