using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Check;

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CheckReport))]
internal sealed partial class CheckJsonContext : JsonSerializerContext;
