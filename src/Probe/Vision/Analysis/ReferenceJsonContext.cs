using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>Source-generated JSON for <see cref="ReferenceMetadata"/> (snake_case, indented for a technician to read).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ReferenceMetadata))]
internal sealed partial class ReferenceJsonContext : JsonSerializerContext;
