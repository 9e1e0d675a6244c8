using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>One show of a room as the edge receives it (issue 6). Times are UTC Unix milliseconds.</summary>
public sealed record ScheduledShow
{
    /// <summary>Stable identifier from the central store (also the checklist run's show reference).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Host (presenter) name; empty when not known.</summary>
    [JsonPropertyName("host")]
    public string Host { get; init; } = string.Empty;

    [JsonPropertyName("start")]
    public required long Start { get; init; }

    [JsonPropertyName("end")]
    public required long End { get; init; }

    /// <summary>Expected profile for this show; null: the room's configured profile.</summary>
    [JsonPropertyName("profile")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ShowProfile? Profile { get; init; }

    [JsonIgnore]
    public DateTimeOffset StartTime => DateTimeOffset.FromUnixTimeMilliseconds(Start);

    [JsonIgnore]
    public DateTimeOffset EndTime => DateTimeOffset.FromUnixTimeMilliseconds(End);
}
