using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>An automatic item's latest result.</summary>
public sealed record ChecklistItemResult
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>pass, warn, fail or pending.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Measured value as text with its unit.</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    [JsonPropertyName("number")]
    public double? Number { get; init; }

    [JsonPropertyName("threshold")]
    public required string Threshold { get; init; }

    [JsonPropertyName("clause")]
    public string Clause { get; init; } = string.Empty;

    [JsonPropertyName("at")]
    public long At { get; init; }
}
