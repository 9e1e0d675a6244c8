using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Vision;

/// <summary>A rectangle in normalized frame coordinates (0..1 from the top-left corner).</summary>
public sealed record RegionRect(
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("w")] double W,
    [property: JsonPropertyName("h")] double H);
