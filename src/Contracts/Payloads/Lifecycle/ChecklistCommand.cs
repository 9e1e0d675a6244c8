using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>
/// Central to edge on <c>cmd/checklist</c> (not retained): run the checklist now (<see cref="Action"/> <c>run</c>), or
/// record a technician's confirmation of a manual item (<c>confirm</c>, with <see cref="Item"/>).
/// </summary>
public sealed record ChecklistCommand
{
    public const string Run = "run";
    public const string Confirm = "confirm";

    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("action")]
    public required string Action { get; init; }

    /// <summary>The run a confirmation is for; empty: the current run.</summary>
    [JsonPropertyName("run")]
    public string RunId { get; init; } = string.Empty;

    /// <summary>Manual item id (for <c>confirm</c>).</summary>
    [JsonPropertyName("item")]
    public string Item { get; init; } = string.Empty;

    /// <summary>Who asked (user name), recorded with the run.</summary>
    [JsonPropertyName("by")]
    public required string By { get; init; }

    [JsonPropertyName("ts")]
    public required long Ts { get; init; }
}
