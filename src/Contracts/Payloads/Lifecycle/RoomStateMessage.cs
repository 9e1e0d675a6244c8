using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>
/// Retained on <c>state</c>, published by the edge on every change (issue 6 item 3). The collector reads it to know
/// when alert rules apply; the dashboard shows it on the room wall.
/// </summary>
public sealed record RoomStateMessage
{
    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("site")]
    public required string Site { get; init; }

    [JsonPropertyName("room")]
    public required string Room { get; init; }

    /// <summary>When the edge published it (UTC Unix milliseconds).</summary>
    [JsonPropertyName("ts")]
    public required long Ts { get; init; }

    /// <summary>One of <see cref="RoomStates"/>.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>Since when the room is in this state (UTC Unix milliseconds).</summary>
    [JsonPropertyName("since")]
    public required long Since { get; init; }

    /// <summary>Live with no show scheduled around now.</summary>
    [JsonPropertyName("unscheduled")]
    public bool Unscheduled { get; init; }

    /// <summary>Why the room is not ready or in fault, for people (e.g. <c>uplink 2.1 Mbit/s &lt; 4</c>); empty otherwise.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; init; } = string.Empty;

    /// <summary>The show the state is about (in progress, or the one being prepared); null when none.</summary>
    [JsonPropertyName("show")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ShowSummary? Show { get; init; }

    /// <summary>The next show after <see cref="Show"/>; null when none is scheduled.</summary>
    [JsonPropertyName("next")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ShowSummary? Next { get; init; }

    [JsonPropertyName("checklist")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChecklistProgress? Checklist { get; init; }

    /// <summary>The site's time zone (IANA), so a display shows local times.</summary>
    [JsonPropertyName("tz")]
    public string TimeZone { get; init; } = "UTC";
}
