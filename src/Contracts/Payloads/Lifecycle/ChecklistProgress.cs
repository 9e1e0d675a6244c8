using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>The current checklist run, as carried in the room state.</summary>
public sealed record ChecklistProgress
{
    [JsonPropertyName("run")]
    public required string Run { get; init; }

    /// <summary>Items passed (or confirmed) so far.</summary>
    [JsonPropertyName("passed")]
    public required int Passed { get; init; }

    [JsonPropertyName("total")]
    public required int Total { get; init; }

    /// <summary>Items failing now, each "name: measured value" (e.g. <c>uplink: 2.1 Mbit/s</c>), worst first.</summary>
    [JsonPropertyName("failing")]
    public IReadOnlyList<string> Failing { get; init; } = [];

    /// <summary>Manual items not yet confirmed (ids).</summary>
    [JsonPropertyName("unconfirmed")]
    public IReadOnlyList<string> Unconfirmed { get; init; } = [];
}
