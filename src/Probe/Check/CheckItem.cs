using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Check;

/// <summary>One line of the check report: what was measured against what was expected.</summary>
public sealed record CheckItem(
    [property: JsonPropertyName("item")] string Item,
    [property: JsonPropertyName("status")] CheckStatus Status,
    [property: JsonPropertyName("measured")] string Measured,
    [property: JsonPropertyName("expected")] string Expected);
