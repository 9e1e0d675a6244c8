using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>One change of a run, in order: an item's new status, a confirmation, the run's own status.</summary>
public sealed record ChecklistChange(
    [property: JsonPropertyName("at")] long At,
    [property: JsonPropertyName("item")] string Item,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("by")] string? By = null);
