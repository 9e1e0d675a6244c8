using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// Published retained by the collector on <c>ack</c> once points are durably in InfluxDB: every sequence
/// number up to <see cref="Seq"/> of outbox <see cref="Edge"/> is stored. The edge trims its outbox up to it.
/// </summary>
public sealed record AckMessage
{
    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("site")]
    public required string Site { get; init; }

    [JsonPropertyName("room")]
    public required string Room { get; init; }

    [JsonPropertyName("edge")]
    public required string Edge { get; init; }

    /// <summary>Highest contiguous sequence number stored.</summary>
    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>When the collector confirmed it (UTC, Unix milliseconds).</summary>
    [JsonPropertyName("ts")]
    public required long Ts { get; init; }
}
