using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Outbox;

/// <summary>Source-generated (de)serialisation of <c>outbox.meta</c>.</summary>
[JsonSerializable(typeof(OutboxMeta))]
internal sealed partial class OutboxMetaJsonContext : JsonSerializerContext
{
}
