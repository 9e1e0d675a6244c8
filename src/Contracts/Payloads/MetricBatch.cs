using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// What an edge publishes on <c>metrics/{kind}</c>, <c>events</c> and <c>checklist</c>: one or more points
/// from its outbox. Live, that is one message per second with that second's points; a replay after an
/// outage sends larger batches (bounded by <see cref="Limits.MaxPayloadBytes"/>).
/// </summary>
public sealed record MetricBatch
{
    /// <summary>Schema version (<see cref="SchemaVersion.Current"/>).</summary>
    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("site")]
    public required string Site { get; init; }

    [JsonPropertyName("room")]
    public required string Room { get; init; }

    /// <summary>
    /// Identity of the edge's outbox (a new value when an outbox is created from scratch), so sequence
    /// numbers restarting at 1 after a reinstall are not mistaken for duplicates.
    /// </summary>
    [JsonPropertyName("edge")]
    public required string Edge { get; init; }

    /// <summary>
    /// The lowest sequence number the edge still holds. Everything below it is either acknowledged or was
    /// dropped by a full outbox (and reported there), so the collector may advance its acknowledgement past it.
    /// </summary>
    [JsonPropertyName("floor")]
    public required long Floor { get; init; }

    [JsonPropertyName("points")]
    public required IReadOnlyList<MetricPoint> Points { get; init; }
}
