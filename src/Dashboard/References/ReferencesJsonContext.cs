using System.Text.Json;
using System.Text.Json.Serialization;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Dashboard.Evidence;

namespace LiveRoom.Dashboard.References;

/// <summary>Source-generated JSON of the evidence and reference API bodies (camelCase, as the page reads them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ThumbnailList))]
[JsonSerializable(typeof(ReferenceView))]
[JsonSerializable(typeof(ReferenceUpdateRequest))]
[JsonSerializable(typeof(CaptureResponse))]
[JsonSerializable(typeof(ReferenceRegions))]
internal sealed partial class ReferencesJsonContext : JsonSerializerContext;
