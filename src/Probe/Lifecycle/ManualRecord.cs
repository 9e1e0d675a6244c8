using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>A manual item of a run and its confirmation.</summary>
public sealed record ManualRecord
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("by")]
    public string? ConfirmedBy { get; init; }

    [JsonPropertyName("at")]
    public long? ConfirmedAt { get; init; }

    [JsonIgnore]
    public bool Confirmed => ConfirmedAt is not null;
}
