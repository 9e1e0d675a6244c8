using System.Text.Json.Serialization;
using LiveRoom.Probe.Lifecycle;

namespace LiveRoom.Probe.Display;

/// <summary>Source-generated JSON of the door display server's own API (the payload records keep their contract names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(DoorSnapshot))]
[JsonSerializable(typeof(ConfirmRequest))]
[JsonSerializable(typeof(RunChecklistRequest))]
[JsonSerializable(typeof(LifecycleResult))]
internal sealed partial class DisplayJsonContext : JsonSerializerContext
{
}
