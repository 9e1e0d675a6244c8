using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Check;

/// <summary>The result of <c>liveroom-probe check</c> (the <c>--json</c> form).</summary>
public sealed record CheckReport
{
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("duration_s")]
    public required double DurationSeconds { get; init; }

    /// <summary>
    /// For a source the probe listens on: seconds from the start of the check to the encoder's first packet (to within
    /// the 1 s sampling step), from which the duration was counted; null when no packet came, or when the probe
    /// connected to the source itself.
    /// </summary>
    [JsonPropertyName("first_packet_after_s")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? FirstPacketAfterSeconds { get; init; }

    /// <summary><c>pass</c> only when every item passes.</summary>
    [JsonPropertyName("status")]
    public required CheckStatus Status { get; init; }

    [JsonPropertyName("items")]
    public required IReadOnlyList<CheckItem> Items { get; init; }

    /// <summary>Events raised during the run (type and message), in order.</summary>
    [JsonPropertyName("events")]
    public required IReadOnlyList<string> Events { get; init; }
}
