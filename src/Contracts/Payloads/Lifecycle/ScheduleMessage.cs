using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>
/// Retained on <c>cmd/schedule</c>, published by the central side whenever a room's shows change (and again at its
/// start): the room's upcoming shows, the site's time zone and manual checklist items. The edge keeps the last one on
/// disk, so the checklist and the door sign run when the central side is unreachable (issue 6 item 1).
/// </summary>
public sealed record ScheduleMessage
{
    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("site")]
    public required string Site { get; init; }

    [JsonPropertyName("room")]
    public required string Room { get; init; }

    /// <summary>When the central side built it (UTC Unix milliseconds); a newer one replaces an older one.</summary>
    [JsonPropertyName("ts")]
    public required long Ts { get; init; }

    /// <summary>The site's IANA time zone (e.g. <c>Asia/Shanghai</c>); shows are stored in UTC and shown in this zone.</summary>
    [JsonPropertyName("tz")]
    public required string TimeZone { get; init; }

    /// <summary>Shows that have not ended yet, ordered by start, at most <see cref="MaxShows"/>.</summary>
    [JsonPropertyName("shows")]
    public required IReadOnlyList<ScheduledShow> Shows { get; init; }

    /// <summary>The site's manual checklist items.</summary>
    [JsonPropertyName("manual")]
    public IReadOnlyList<ManualItem> Manual { get; init; } = [];

    /// <summary>Bound on the shows sent to one edge (about two weeks of a busy room).</summary>
    public const int MaxShows = 200;
}
