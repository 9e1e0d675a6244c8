using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// One measurement taken at the edge: the unit of storage (one InfluxDB point) and of acknowledgement.
/// </summary>
public sealed record MetricPoint
{
    /// <summary>Per-edge monotonic sequence number, starting at 1, never reused within one <see cref="MetricBatch.Edge"/>.</summary>
    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>Source timestamp: UTC, milliseconds since the Unix epoch, taken when the value was measured.</summary>
    [JsonPropertyName("ts")]
    public required long Ts { get; init; }

    /// <summary>Metric kind (stream, audio, vision, network, host, event, checklist); the InfluxDB measurement.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Measured values by field name (see <see cref="Fields"/> constants in <see cref="MetricKind"/>).</summary>
    [JsonPropertyName("fields")]
    public required IReadOnlyDictionary<string, FieldValue> Fields { get; init; }

    /// <summary>Optional extra tags (few and low-cardinality: tags are indexed), e.g. an event's type.</summary>
    [JsonPropertyName("tags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    [JsonIgnore]
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(Ts);
}
