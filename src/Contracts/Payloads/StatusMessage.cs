using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads;

/// <summary>Retained on <c>status</c>: whether the room's edge is connected. Also the edge's last will (offline).</summary>
public sealed record StatusMessage
{
    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("site")]
    public required string Site { get; init; }

    [JsonPropertyName("room")]
    public required string Room { get; init; }

    /// <summary><c>online</c> or <c>offline</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Source timestamp, UTC Unix milliseconds (0 in a last will, which the broker sends later).</summary>
    [JsonPropertyName("ts")]
    public required long Ts { get; init; }

    /// <summary>Sequence of status changes of this edge process (separate from the data sequence).</summary>
    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    public const string Online = "online";
    public const string Offline = "offline";
}
