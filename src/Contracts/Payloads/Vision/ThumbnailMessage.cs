using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Vision;

/// <summary>
/// An evidence JPEG of a room's picture (issue 5 item 5; seed clauses 6.2.3, 7.4.5), edge to central on
/// <c>liveroom/v1/{site}/{room}/thumbnail</c>, QoS 1, not retained. The whole message stays under
/// <see cref="Limits.MaxPayloadBytes"/>, so the JPEG itself is at most <see cref="MaxJpegBytes"/>.
/// </summary>
public sealed record ThumbnailMessage
{
    /// <summary>Largest JPEG: base64 grows it by 4/3, and the rest of the message is well under 1 KiB.</summary>
    public const int MaxJpegBytes = 46 * 1024;

    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("site")]
    public required string Site { get; init; }

    [JsonPropertyName("room")]
    public required string Room { get; init; }

    /// <summary>When the frame was sampled at the edge, Unix milliseconds UTC.</summary>
    [JsonPropertyName("ts")]
    public required long Ts { get; init; }

    /// <summary>Why it was taken: one of <see cref="ThumbnailReasons"/> or an event type (e.g. <c>framing_drift</c>).</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    [JsonPropertyName("width")]
    public required int Width { get; init; }

    [JsonPropertyName("height")]
    public required int Height { get; init; }

    /// <summary>For <see cref="ThumbnailReasons.ReferenceCandidate"/>: the capture id the technician approves with.</summary>
    [JsonPropertyName("capture")]
    public string? Capture { get; init; }

    /// <summary>The JPEG (baseline, 4:2:0), base64 in JSON.</summary>
    [JsonPropertyName("jpeg")]
    public required byte[] Jpeg { get; init; }
}
