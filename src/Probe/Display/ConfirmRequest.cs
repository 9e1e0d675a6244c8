using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Display;

/// <summary>Body of <c>POST /api/confirm</c>: the manual item a technician confirms at the door, and who they are.</summary>
public sealed record ConfirmRequest
{
    [JsonPropertyName("item")]
    public string? Item { get; init; }

    [JsonPropertyName("by")]
    public string? By { get; init; }
}
