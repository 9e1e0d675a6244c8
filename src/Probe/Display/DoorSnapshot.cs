using System.Text.Json.Serialization;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;

namespace LiveRoom.Probe.Display;

/// <summary>
/// What <c>GET /api/state</c> answers and each <c>GET /events</c> event carries: the room state, the composed door
/// message, the manual items of the current run, and the server's clock (so the page ticks elapsed time correctly
/// on a kiosk whose own clock is off).
/// </summary>
public sealed record DoorSnapshot
{
    [JsonPropertyName("state")]
    public required RoomStateMessage State { get; init; }

    [JsonPropertyName("display")]
    public required DisplayMessage Display { get; init; }

    [JsonPropertyName("manual")]
    public required IReadOnlyList<ManualItemStatus> Manual { get; init; }

    /// <summary>Server time when the snapshot was taken, UTC Unix milliseconds.</summary>
    [JsonPropertyName("now")]
    public required long Now { get; init; }
}
