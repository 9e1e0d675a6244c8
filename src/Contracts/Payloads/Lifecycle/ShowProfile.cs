using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>What the encoder must deliver for a show (seed clauses 6.2.2.1, 6.2.1.1). Bitrates in bit/s.</summary>
public sealed record ShowProfile
{
    [JsonPropertyName("width")]
    public int Width { get; init; } = 1920;

    [JsonPropertyName("height")]
    public int Height { get; init; } = 1080;

    [JsonPropertyName("fps")]
    public double Fps { get; init; } = 30;

    [JsonPropertyName("minBitrate")]
    public long MinBitrate { get; init; } = 4_000_000;

    [JsonPropertyName("maxBitrate")]
    public long MaxBitrate { get; init; } = 20_000_000;
}
