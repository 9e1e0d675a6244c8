using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>A checklist item a technician confirms by hand (defined per site: backdrop clean, products laid out, …).</summary>
public sealed record ManualItem
{
    /// <summary>Identifier (see <see cref="Topics.Identifier"/>), unique within the site.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>What to check, as shown to the technician (Chinese and/or English).</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}
