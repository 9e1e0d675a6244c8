using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>
/// Retained on <c>display</c>: what a door sign shows, small enough for a microcontroller — always under
/// <see cref="MaxBytes"/> bytes of UTF-8 JSON, short keys, text already localised (issue 6 item 4b; schema in
/// hardware/README.md). Strings are cut (on a character boundary, with "…") so the whole message fits.
/// </summary>
public sealed record DisplayMessage
{
    public const int MaxBytes = 512;

    [JsonPropertyName("v")]
    public required int V { get; init; }

    /// <summary>State code, one of <see cref="RoomStates"/>.</summary>
    [JsonPropertyName("s")]
    public required string State { get; init; }

    /// <summary>The state word in Chinese (e.g. 直播中).</summary>
    [JsonPropertyName("zh")]
    public required string Chinese { get; init; }

    /// <summary>The state word in English (e.g. ON AIR, PRE-SHOW 7/10).</summary>
    [JsonPropertyName("en")]
    public required string English { get; init; }

    /// <summary>Background colour as 6 hex digits RGB, no '#' (e.g. <c>d1242f</c>).</summary>
    [JsonPropertyName("c")]
    public required string Colour { get; init; }

    /// <summary>Show title (current or being prepared); empty when none.</summary>
    [JsonPropertyName("t")]
    public string Title { get; init; } = string.Empty;

    /// <summary>Host name; empty when none.</summary>
    [JsonPropertyName("h")]
    public string Host { get; init; } = string.Empty;

    /// <summary>A line about time in the site's zone: "14:00–16:00" before a show, "since 14:02" on air.</summary>
    [JsonPropertyName("w")]
    public string When { get; init; } = string.Empty;

    /// <summary>The next show, e.g. "16:30 晚间专场"; empty when none.</summary>
    [JsonPropertyName("n")]
    public string Next { get; init; } = string.Empty;

    /// <summary>Why not ready / fault, e.g. "uplink 2.1 Mbit/s"; empty otherwise.</summary>
    [JsonPropertyName("m")]
    public string Message { get; init; } = string.Empty;

    /// <summary>Whether an ON-AIR lamp should be lit (live or fault).</summary>
    [JsonPropertyName("air")]
    public required bool OnAir { get; init; }

    /// <summary>Source time, UTC Unix seconds (seconds keep it small and 32-bit friendly).</summary>
    [JsonPropertyName("ts")]
    public required long Ts { get; init; }
}
