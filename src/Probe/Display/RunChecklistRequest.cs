using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Display;

/// <summary>Body of <c>POST /api/checklist/run</c>: who starts a checklist run at the door.</summary>
public sealed record RunChecklistRequest
{
    [JsonPropertyName("by")]
    public string? By { get; init; }
}
